/**
 * Words that carry the grammar of a question, not its topic (folded forms). Removing them
 * leaves the content words that retrieval and the support score look at.
 */
import { matchKey } from '../../../common/text-key.js';

/** Function and question words of Vietnamese and English. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ai anh ay ba bao bay be biet ca cac cai chua cho co con cua cung da day de den deu di do duoc gi ' +
    'giup ha hay hoac hoi hom kia khi khong la lai len ma may minh mot muon nao nay neu ngay nhe nhi nho nhung no ' +
    'nua o oi phai ra rang roi sao se sau ta tai thay the thi theo tren trong tui toi va vay vao ve voi xin xem ' +
    'duoi truoc giua u vang ok oke khien em ' +
    'the a an and are as at be by could do does did for from has have how i in is it its me my of on or our please should ' +
    'tell that the their there these this to under was we what when where which who whom whose why will with would you your ' +
    'say says said about regarding concerning any some all much many also must need needs get got give list show ' +
    'unit units agency agencies body bodies department departments start starts begin begins end ends carried out take part ' +
    'dat neu gap dua completed complete finished done finish het before after until ' +
    // Question frames: "lấy từ đâu", "bao nhiêu", "cách …", "come from".
    'lay cach nhieu come comes each every per ' +
    // English grammar of questions over regulations ("what applies under …", "who may …", "at most"):
    // none is a Vietnamese syllable typed without tone marks ("can", "than", "set" stay out).
    'apply applies applied applicable according pursuant following whether both either other another such those been being were ' +
    'am does having shall might ought into onto upon within without between during against toward towards not ' +
    'someone anyone person persons people thing things way ways kind kinds type types number amount whole ' +
    'most least more less exactly specific specified particular certain currently newly already ' +
    'document documents make makes made happen happens allowed able possible required through include includes included including ' +
    'last lasts warrant warrants warranting if instead doing nationwide'
  ).split(/\s+/),
);

/**
 * Phrases every passage of a plan shares; they name the genre, not a topic ("nhiệm vụ",
 * "kế hoạch", "đơn vị", "thực hiện"). Matched as whole phrases: "vị" of "vị trí" stays.
 */
export const GENERIC_PHRASES: readonly string[][] = [
  'nhiem vu', 'ke hoach', 'don vi', 'thuc hien', 'cong tac', 'van ban', 'noi dung', 'cu the', 'bao gom', 'hoan thanh',
  'gom', 'xong', 'dieu', 'trien khai', 'duoc giao', 'giao cho',
].map((phrase) => phrase.split(' '));

/**
 * Nouns that name the KIND of answer wanted, not its topic ("những nguyên tắc gì", "giải pháp
 * nào", "vai trò của", "principles"). A plan rarely writes them beside its content, so as
 * topic words they would sink a question the passage answers ("bảo đảm những nguyên tắc
 * gì?" → "bảo đảm đúng người, đúng việc …"). Left out of topic, terms and pairs.
 */
export const FRAME_PHRASES: readonly string[][] = [
  'nguyen tac', 'giai phap', 'bien phap', 'vai tro', 'tieu chi', 'y nghia', 'dinh huong',
  'principle', 'principles', 'role', 'roles', 'solution', 'solutions', 'measure', 'measures', 'criterion',
].map((phrase) => phrase.split(' '));

/**
 * The same function words with their diacritics. For a question typed with diacritics a
 * word is grammar only if it is one of these: "sổ đỏ" is not "số"/"do", "lương" is not "luong".
 */
export const ACCENTED_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'à ạ ai anh ấy bà bao bây bạn biết bị cả các cái cho chứ chưa có còn của cùng đã đang đây đấy để đến đều đi đó do được gì ' +
    'giúp hả hay hoặc hỏi hôm kia khi không là lại lên mà mấy mình một muốn này nào nếu ngày nhé nhỉ nhờ như những nó nữa ở ơi ' +
    'phải ra rằng rồi sao sẽ sau ta tại thấy thế thì theo trên trong tui tôi và vậy vào về với xin xem dưới trước giữa ừ vâng ' +
    'đặt nêu gặp dựa đâu hết khiến ' +
    // The asker's own story: "Bác tôi nghỉ hưu rồi …", "Em … trúng tuyển …" ("bố", "chú", "chồng", "hồi", "vừa" also
    // write "bố trí", "chú trọng", "chồng chéo", "thu hồi", "vừa học vừa làm").
    'bác chị em cháu mẹ vợ ' +
    // Question frames: "lấy từ đâu", "hướng tới", "chờ … mới …", "bao nhiêu", "cách …".
    'lấy từ tới mới chờ nhiêu cách'
  ).split(/\s+/),
);

/**
 * Function words typed without their marks that are also words of their own: "thi" of "thi
 * hành" is "thì" only when the marks were left out. In a question typed with diacritics the
 * bare form is read as written.
 */
export const MARKLESS_STOP_WORDS: ReadonlySet<string> = new Set([...ACCENTED_STOP_WORDS].map((word) => matchKey(word)).filter((word) => !ACCENTED_STOP_WORDS.has(word) && STOP_WORDS.has(word)));
