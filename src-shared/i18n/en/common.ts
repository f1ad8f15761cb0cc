/** Words every part of the interface uses: buttons, units, yes and no. */
export default {
  ok: 'OK',
  cancel: 'Cancel',
  close: 'Close',
  apply: 'Apply',
  yes: 'Yes',
  no: 'No',
  milliseconds: '{{value}} ms',
  seconds: '{{value}} s',
  cue_one: '{{count}} cue',
  cue_other: '{{count}} cues',
  language: 'Language',
  languageSystem: 'System default',
} as const;
