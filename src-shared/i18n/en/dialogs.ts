/** Strings of the 'dialogs' namespace (see src-shared/i18n/README.md for who owns which). */
export default {} as const;
