/** Every visible string of `<sos-share>`, French first. */
export const strings = {
  fr: {
    group: 'Partager',
    copy: 'Copier le lien',
    copied: 'Lien copié dans le presse-papiers.',
    copyHere: 'Le navigateur n’a pas permis la copie. Copiez ce lien :',
    email: 'Envoyer par courriel',
    sms: 'Envoyer par SMS',
  },
  en: {
    group: 'Share',
    copy: 'Copy the link',
    copied: 'Link copied to the clipboard.',
    copyHere: 'The browser did not allow copying. Copy this link:',
    email: 'Send by e-mail',
    sms: 'Send by text message',
  },
} as const;

export type ShareStrings = (typeof strings)['fr'] | (typeof strings)['en'];
