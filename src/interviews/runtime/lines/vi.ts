import type { Lines } from './lines.ts';

/**
 * Vietnamese (vi-VN). "Bạn": courteous and gender-neutral, as Vietnamese recruitment writes
 * to a candidate whose age and gender it does not know (anh/chị would have to guess both).
 */
export const vi: Lines = {
  greeting: 'Xin chào {candidateName}, tôi là {interviewerName}. Hôm nay tôi sẽ thay mặt {companyName} phỏng vấn bạn.',
  consentNotice:
    'Trước khi bắt đầu, xin lưu ý rằng tôi là người phỏng vấn AI, không phải con người. Buổi phỏng vấn này được ghi lại dưới dạng bản ghi văn bản và sẽ được gửi cho {companyName}. Không có âm thanh hay video nào được lưu lại.',
  howItWorks: 'Buổi phỏng vấn sẽ kéo dài khoảng {minutes}. Bạn có thể trả lời bằng cách gõ hoặc nói. Bạn cứ thong thả cho mỗi câu trả lời.',
  firstQuestion: 'Chúng ta bắt đầu nhé.',
  nextQuestion: 'Cảm ơn bạn. Chúng ta chuyển sang câu hỏi tiếp theo.',
  lastQuestion: 'Cảm ơn bạn. Bây giờ là câu hỏi cuối cùng.',
  reprompt: 'Tôi chưa nhận được câu trả lời. Bạn không cần vội, xin vui lòng thử trả lời lại.',
  timeNotice: 'Xin lưu ý, chúng ta còn khoảng {minutes}.',
  nudge: 'Bạn vẫn còn ở đó chứ? Khi nào sẵn sàng, bạn cứ trả lời nhé.',
  closing: 'Cảm ơn bạn rất nhiều vì đã dành thời gian. Buổi phỏng vấn đến đây là kết thúc. {companyName} sẽ liên hệ với bạn về các bước tiếp theo.',
  closingTimeUp: 'Chúng ta đã hết thời gian. Cảm ơn bạn rất nhiều vì những câu trả lời. Buổi phỏng vấn đến đây là kết thúc, {companyName} sẽ liên hệ với bạn.',
  fallbackQuestion: 'Bạn hãy giới thiệu đôi chút về bản thân: quá trình học tập và làm việc, kinh nghiệm, và điều gì khiến bạn quan tâm đến cơ hội này.',
  outreachInterest: 'Bạn có quan tâm đến một cơ hội việc làm mới tại {companyName} không?',
  outreachAvailability: 'Khi nào bạn có thể bắt đầu làm việc, và khi nào bạn thuận tiện để trò chuyện với đội ngũ?',
  unknownCaller: 'Xin chào, đây là đường dây phỏng vấn của {companyName}. Rất tiếc, chúng tôi không tìm thấy buổi phỏng vấn nào cho số điện thoại này. Xin cảm ơn và chào tạm biệt.',
  voicemailCallBack: 'Xin chào, chúng tôi gọi từ {companyName} về buổi phỏng vấn của bạn. Vui lòng gọi lại số này để tham gia phỏng vấn. Xin cảm ơn và chào tạm biệt.',

  pageTitle: 'Phỏng vấn với {companyName}',
  introHeading: 'Chào mừng bạn đến với buổi phỏng vấn',
  introAiNotice:
    'Buổi phỏng vấn này do một người phỏng vấn AI thực hiện. Các câu trả lời của bạn, dù gõ hay nói, đều được ghi lại dưới dạng văn bản cùng với câu hỏi của người phỏng vấn, và bản ghi này được chia sẻ với {companyName}. Không có âm thanh hay video nào được lưu lại.',
  introAgent: 'Phỏng vấn: {agentName}. Thời lượng: khoảng {minutes}.',
  startButton: 'Bắt đầu phỏng vấn',
  answerLabel: 'Câu trả lời của bạn',
  sendButton: 'Gửi',
  voiceButton: 'Trả lời bằng giọng nói',
  voiceStop: 'Dừng nhập bằng giọng nói',
  voiceNotice: 'Câu trả lời bằng giọng nói được chuyển thành văn bản bởi tính năng nhận dạng giọng nói của trình duyệt; trong quá trình này, âm thanh có thể được xử lý trên máy chủ của nhà cung cấp trình duyệt.',
  muteButton: 'Tắt tiếng người phỏng vấn',
  unmuteButton: 'Bật tiếng người phỏng vấn',
  timeRemaining: 'Thời gian còn lại: {time}',
  interviewerLabel: 'Người phỏng vấn',
  youLabel: 'Bạn',
  reconnecting: 'Mất kết nối. Đang kết nối lại…',
  notOpenYet: 'Buổi phỏng vấn này chưa mở. Thời gian mở: {time}.',
  expired: 'Đường liên kết của buổi phỏng vấn này đã hết hạn. Vui lòng liên hệ công ty đã mời bạn.',
  cancelled: 'Buổi phỏng vấn này đã bị hủy. Nếu có thắc mắc, vui lòng liên hệ công ty đã mời bạn.',
  finished: 'Cảm ơn bạn! Bạn đã hoàn thành buổi phỏng vấn này.',
  failed: 'Buổi phỏng vấn này đã kết thúc và không thể tham gia được nữa.',
  endedHeading: 'Buổi phỏng vấn đã kết thúc',
  sendFailed: 'Không gửi được câu trả lời của bạn. Đang thử lại…',

  minutes: { other: '{count} phút' },
};
