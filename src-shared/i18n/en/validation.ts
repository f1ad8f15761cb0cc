/** Strings of the 'validation' namespace (see src-shared/i18n/README.md for who owns which). */
export default {} as const;
