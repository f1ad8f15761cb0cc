/** Strings of the 'main' namespace (see src-shared/i18n/README.md for who owns which). */
export default {} as const;
