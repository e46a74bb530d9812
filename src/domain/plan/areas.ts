/**
 * The eight reform areas of a local CCHC plan (Phụ lục I, section II; Phụ lục II section rows
 * I–VIII). Nghị quyết 76/NQ-CP names six reform contents (areas 2–7); local plans add area 1
 * (direction) and area 8 (indices). Titles and guidance bullets are the seed letter's.
 */
export interface ReformArea {
  /** 1..8, the order of section II and of the task table. */
  readonly number: number;
  /** Roman numeral used for the task table's section rows. */
  readonly roman: string;
  /** Title as written in section II of the plan. */
  readonly title: string;
  /** Title as written on the task table's section row (Phụ lục II). */
  readonly tableTitle: string;
  /** What the letter asks units to cover in this area. */
  readonly guidance: readonly string[];
}

export const REFORM_AREAS: readonly ReformArea[] = [
  {
    number: 1,
    roman: 'I',
    title: 'Công tác chỉ đạo, điều hành Cải cách hành chính',
    tableTitle: 'Công tác chỉ đạo, điều hành Cải cách hành chính',
    guidance: [
      'Xây dựng kế hoạch; ban hành văn bản chỉ đạo; Xây dựng Đề án tham mưu Cấp ủy Đảng ban hành Nghị quyết về CCHC, triển khai các Nghị quyết, chương trình, kế hoạch CCHC giai đoạn của cấp trên.',
      'Công tác tuyên truyền về CCHC (nội dung, hình thức, cuộc thi...). Xây dựng và áp dụng các sáng kiến, mô hình về CCHC vào hoạt động tại cơ quan, đơn vị. Gắn CCHC với thi đua khen thưởng.',
      'Kiểm tra CCHC; triển khai đánh giá, xác định chỉ số CCHC mức độ hoàn thành nhiệm vụ của cơ quan, đơn vị.',
    ],
  },
  {
    number: 2,
    roman: 'II',
    title: 'Cải cách thể chế',
    tableTitle: 'Cải cách thể chế',
    guidance: [
      'Về đổi mới và nâng cao chất lượng công tác xây dựng pháp luật: Xây dựng VBQPPL, rà soát hệ thống hóa, kiểm tra VBQPPL.',
      'Trên cơ sở nhiệm vụ quản lý ngành, lĩnh vực và địa phương đề xuất hoặc tham mưu ban hành những quy định cụ thể cho người dân và doanh nghiệp, phát huy tối đa quyền làm chủ của Nhân dân trong việc tham gia bàn và quyết định các chủ trương, chính sách quan trọng của địa phương.',
      'Công tác tuyên truyền, phổ biến, giáo dục, theo dõi thi hành pháp luật; thanh, kiểm tra việc thực hiện chính sách pháp luật tại cơ quan, đơn vị, địa phương.',
    ],
  },
  {
    number: 3,
    roman: 'III',
    title: 'Cải cách thủ tục hành chính',
    tableTitle: 'Cải cách thủ tục hành chính',
    guidance: [
      'Rà soát, cắt giảm, đơn giản hóa TTHC trong các lĩnh vực quản lý nhà nước thuộc thẩm quyền của cơ quan, đơn vị, địa phương và một số lĩnh vực trọng tâm: kinh doanh, đầu tư, đất đai, xây dựng, môi trường, tư pháp và đơn giản TTHC nội bộ trong hệ thống các cơ quan hành chính nhà nước.',
      'Ứng dụng công nghệ số để cải tiến mọi quy trình, thủ tục của các cơ quan hành chính. Giải quyết TTHC trên phần mềm một cửa điện tử, liên thông giữa các cơ quan hành chính, các ngành, các cấp và trong nội bộ từng cơ quan hành chính nhà nước; thanh toán trực tuyến trong giải quyết hồ sơ TTHC.',
      'Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông tại Bộ phận một cửa cấp huyện, cấp xã.',
      'Giải pháp khắc phục tình trạng trả kết quả hồ sơ TTHC trễ hạn, nhất là hồ sơ đất đai, hồ sơ thuế; giải pháp nâng cao chất lượng phục vụ, mức hài lòng của người dân, tổ chức, doanh nghiệp.',
      'Thực hiện xin lỗi cá nhân, tổ chức khi trễ hạn hồ sơ TTHC. Lấy ý kiến nhận xét của người dân, tổ chức, doanh nghiệp nhằm nâng cao mức hài lòng của người dân, tổ chức trong giải quyết TTHC.',
    ],
  },
  {
    number: 4,
    roman: 'IV',
    title: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    tableTitle: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    guidance: [
      'Rà soát chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, biên chế của cơ quan, đơn vị. Thực hiện sắp xếp, tinh gọn bộ máy, tinh giản biên chế.',
      'Đánh giá mô hình tổ chức, chất lượng hoạt động của cơ quan, đơn vị, địa phương.',
      'Thực hiện nhiệm vụ phân cấp và kiểm tra nội dung phân cấp theo quy định của Chính phủ, của tỉnh.',
    ],
  },
  {
    number: 5,
    roman: 'V',
    title: 'Cải cách chế độ công vụ',
    tableTitle: 'Cải cách chế độ công vụ',
    guidance: [
      'Cơ cấu, sắp xếp lại đội ngũ cán bộ, công chức, viên chức các cấp, các ngành theo vị trí việc làm, khung năng lực, bảo đảm đúng người, đúng việc, nâng cao chất lượng, hợp lý về cơ cấu.',
      'Việc thực hiện các quy định về tiêu chuẩn chức danh; về tuyển dụng, sử dụng; ứng dụng công nghệ thông tin trong quản lý, đánh giá cán bộ, công chức, viên chức. Công tác quy hoạch, bổ nhiệm.',
      'Xây dựng kế hoạch và tổ chức thực hiện công tác đào tạo, bồi dưỡng.',
      'Về tăng cường kỷ luật, kỷ cương hành chính trong hoạt động công vụ.',
      'Đổi mới phương pháp, lượng hóa các tiêu chí đánh giá, phân loại cán bộ, công chức, viên chức dựa trên kết quả thực hiện nhiệm vụ. Thực hiện việc sát hạch cán bộ, công chức, viên chức định kỳ.',
    ],
  },
  {
    number: 6,
    roman: 'VI',
    title: 'Cải cách tài chính công',
    tableTitle: 'Cải cách tài chính công',
    guidance: [
      'Việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng kinh phí quản lý hành chính.',
      'Công tác quản lý, sử dụng tài sản công.',
      'Thực hiện cơ chế sử dụng kinh phí nhà nước để triển khai các nhiệm vụ khoa học và công nghệ; việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm của các đơn vị khoa học công nghệ công lập (nếu có).',
      'Thực hiện đổi mới cơ chế tài chính đối với các đơn vị sự nghiệp dịch vụ công (nếu có).',
      'Nhiệm vụ, giải pháp giải ngân vốn đầu tư công.',
    ],
  },
  {
    number: 7,
    roman: 'VII',
    title: 'Xây dựng Chính phủ điện tử, Chính phủ số',
    tableTitle: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
    guidance: [
      'Thực hiện kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan, đơn vị; chuyển đổi số và ứng dụng các tiến bộ khoa học, công nghệ thúc đẩy hoàn thành xây dựng và phát triển Chính phủ điện tử, Chính phủ số; nâng cao chất lượng cung cấp dịch vụ công cho người dân, tổ chức.',
      'Việc ứng dụng công nghệ thông tin trong xử lý công việc của cơ quan hành chính; họp trực tuyến; thực hiện dịch vụ công trực tuyến một phần, toàn trình; áp dụng chữ ký số; Hiện đại hoá trang thiết bị làm việc cho cơ quan hành chính nhà nước.',
    ],
  },
  {
    number: 8,
    roman: 'VIII',
    title:
      'Duy trì, nâng cao các Chỉ số: Cải cách hành chính (PAR INDEX), Quản trị hành chính công (PAPI), Năng lực cạnh tranh cấp tỉnh (PCI), Hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)',
    tableTitle: 'Duy trì và nâng cao chỉ số CCHC, PAPI, SIPAS, PCI',
    guidance: [
      'Xây dựng, ban hành kế hoạch duy trì nâng cao các chỉ số, công tác tuyên truyền nâng cao các chỉ số.',
      'Triển khai thực hiện Quy chế dân chủ ở cơ sở, Luật thực hiện dân chủ ở cơ sở ở cơ quan, đơn vị; Công tác dân vận chính quyền.',
      'Đề ra các giải pháp, hình thức chỉ đạo, tổ chức triển khai nhằm nâng cao các chỉ số cấp tỉnh (PAPI, SIPAS, PCI và Chỉ số CCHC); cam kết nâng cao các chỉ số của cơ quan, đơn vị, địa phương.',
      'Nâng cao mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan, đơn vị.',
    ],
  },
];

/** The area whose Roman numeral is `roman` ("V", "VIII."…), or undefined. */
export function areaByRoman(roman: string): ReformArea | undefined {
  const key = roman.trim().replace(/\.$/, '').toUpperCase();
  return REFORM_AREAS.find((a) => a.roman === key);
}
