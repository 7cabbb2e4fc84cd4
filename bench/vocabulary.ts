/**
 * Phrases the corpus generator combines into plan-like documents. Administrative Vietnamese
 * of the kind a plan uses; combined at random, the sentences are plausible in form but say
 * nothing real (the generated files say so in their first line).
 */

export const TASK_VERBS = [
  'Rà soát, hoàn thiện',
  'Xây dựng và triển khai',
  'Tổ chức thực hiện',
  'Đẩy mạnh',
  'Tăng cường kiểm tra',
  'Nâng cao chất lượng',
  'Đổi mới phương thức',
  'Kiện toàn',
  'Thực hiện đánh giá',
  'Tổng hợp, báo cáo',
  'Bố trí, sắp xếp',
  'Hướng dẫn thực hiện',
  'Chuẩn hóa',
  'Số hóa',
  'Theo dõi, đôn đốc',
  'Tuyên truyền, phổ biến',
] as const;

export const TASK_OBJECTS = [
  'quy chế làm việc',
  'hồ sơ cán bộ, công chức',
  'cơ sở dữ liệu về đội ngũ',
  'kế hoạch đào tạo, bồi dưỡng',
  'tiêu chuẩn chức danh',
  'vị trí việc làm',
  'quy trình giải quyết thủ tục hành chính',
  'hạ tầng số',
  'công tác thi đua, khen thưởng',
  'chế độ báo cáo định kỳ',
  'công tác tiếp công dân',
  'hệ thống quản lý văn bản điều hành',
  'chỉ tiêu biên chế',
  'nguồn nhân lực chất lượng cao',
  'kỷ luật, kỷ cương hành chính',
  'công tác phòng, chống tham nhũng',
  'dịch vụ công trực tuyến',
  'mạng lưới cộng tác viên',
  'kho dữ liệu dùng chung',
  'quy định về văn hóa công sở',
] as const;

export const TASK_DOMAINS = [
  'lĩnh vực đất đai',
  'lĩnh vực y tế',
  'lĩnh vực giáo dục',
  'lĩnh vực văn hóa, thể thao',
  'lĩnh vực nông nghiệp',
  'lĩnh vực môi trường',
  'lĩnh vực giao thông',
  'lĩnh vực xây dựng',
  'lĩnh vực tư pháp, hộ tịch',
  'lĩnh vực lao động, việc làm',
  'lĩnh vực bảo trợ xã hội',
  'lĩnh vực công thương',
  'lĩnh vực du lịch',
  'lĩnh vực thông tin, truyền thông',
  'lĩnh vực tài chính, ngân sách',
  'lĩnh vực đầu tư công',
  'lĩnh vực dân tộc, tôn giáo',
  'lĩnh vực quân sự địa phương',
  'lĩnh vực an ninh, trật tự',
  'lĩnh vực phòng cháy, chữa cháy',
  'lĩnh vực thủy lợi, đê điều',
  'lĩnh vực thống kê',
  'lĩnh vực thanh tra',
  'lĩnh vực thi đua, khen thưởng',
] as const;

export const TASK_SCOPES = [
  'tại các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã',
  'trên địa bàn các xã, phường',
  'trong các cơ quan, đơn vị cấp tỉnh',
  'đối với cán bộ, công chức cấp xã',
  'ở các địa bàn có điều kiện kinh tế - xã hội khó khăn',
  'trong khối cơ quan hành chính nhà nước',
  'tại bộ phận một cửa cấp xã',
  'đối với đội ngũ lãnh đạo, quản lý',
] as const;

export const TASK_PURPOSES = [
  'bảo đảm đúng người, đúng việc',
  'đáp ứng yêu cầu chuyển đổi số',
  'nâng cao sự hài lòng của người dân, doanh nghiệp',
  'phù hợp với đặc thù của địa phương',
  'bảo đảm công khai, minh bạch',
  'đáp ứng yêu cầu vận hành chính quyền địa phương 02 cấp',
  'góp phần cải cách hành chính',
  'tiết kiệm thời gian, chi phí',
  'phục vụ hiệu quả công tác quản lý',
] as const;

/** Units spelled as `ingest/vocabulary/units.json` knows them, so extraction recognizes them. */
export const UNITS = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Khoa học và Công nghệ',
  'Ban Tổ chức Tỉnh ủy',
  'Ủy ban nhân dân các xã, phường',
  'Các sở, ban, ngành có liên quan',
  'Ủy ban nhân dân tỉnh',
] as const;

export const TIMELINES = [
  'Hoàn thành trong tháng 3/2026.',
  'Hoàn thành trong tháng 6/2026.',
  'Hoàn thành trong tháng 9/2026.',
  'Hoàn thành trong tháng 12/2026.',
  'Hoàn thành trong quý IV năm 2026.',
  'Thường xuyên hàng năm.',
  'Theo quy định của cấp có thẩm quyền.',
  'Sau khi Ủy ban nhân dân tỉnh phê duyệt đề án.',
] as const;

export const GOALS = [
  'Triển khai kịp thời, đồng bộ các nhiệm vụ được giao, bảo đảm chất lượng, hiệu quả.',
  'Xác định rõ trách nhiệm của từng cơ quan, đơn vị trong tổ chức thực hiện.',
  'Nâng cao năng lực thực thi công vụ của đội ngũ cán bộ, công chức.',
  'Gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ.',
  'Bảo đảm sự phối hợp chặt chẽ giữa các cấp, các ngành.',
] as const;

export const PLACES = ['Ninh Bình', 'Hoa Lư', 'Tam Điệp', 'Nho Quan', 'Kim Sơn', 'Yên Mô'] as const;

export const SIGNERS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Quang Cường', 'Phạm Thu Dung', 'Hoàng Minh Đức'] as const;
