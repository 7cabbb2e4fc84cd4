/**
 * Words that carry the grammar of a question, not its topic (folded forms). Removing them
 * leaves the content words that retrieval and the support score look at.
 */

/** Function and question words of Vietnamese and English. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ai anh ay ba bao bay be biet ca cac cai chua cho co con cua cung da dang day de den deu di do duoc gi gio ' +
    'giup ha hay hoac hoi hom kia khi khong la lam lai len ma may minh mot muon nao nay neu ngay nhe nhi nho nhu nhung no ' +
    'nua o oi phai ra rang roi sao se sau so ta tai thay the thi theo tren trong tui toi va vay vao ve voi vua xin xem ' +
    'duoi truoc giua u vang ok oke ' +
    'the a an and are as at be by can could do does did for from has have how i in is it its me my of on or our please should ' +
    'tell that the their there these this to under was we what when where which who whom whose why will with would you your'
  ).split(/\s+/),
);

/**
 * Words every passage of a plan shares; they name the genre, not a topic
 * ("nhiệm vụ", "kế hoạch", "đơn vị", "thực hiện", "cán bộ").
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  'nhiem vu ke hoach don vi thuc hien viec cong tac van ban muc noi dung cu the bao gom gom nhung dieu hoan thanh xong'.split(/\s+/),
);
