/**
 * Asks the person, on their tap, to receive one message per template (wx.requestSubscribeMessage). Answers
 * the templates they accepted; never throws — declining must not block what they were doing.
 */
export declare function requestSubscribe(templateIds: string[]): Promise<string[]>;
