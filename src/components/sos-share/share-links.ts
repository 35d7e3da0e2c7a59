/**
 * The links of « Partager »: a message by e-mail or text message carrying a text (name, phone,
 * address) and the page's link. No third-party service: the visitor's own mail and messaging apps.
 */

/** `mailto:` with a subject and a body (the text, a blank line, the link). */
export function mailtoLink(subject: string, text: string, url: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(`${text}\n\n${url}`.trim())}`;
}

/**
 * `sms:` with a body. `sms:?&body=` is the form both Android and iOS read (RFC 5724 says `?body=`,
 * which older iOS ignores; the extra `&` is harmless to the others).
 */
export function smsLink(text: string, url: string): string {
  return `sms:?&body=${encodeURIComponent(`${text}\n${url}`.trim())}`;
}
