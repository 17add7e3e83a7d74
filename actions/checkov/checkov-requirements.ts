// TEMPORARY until scripts/pin-checkov.mjs writes the real lock
export const CHECKOV_PINNED_VERSION = '3.3.30'
export const CHECKOV_REQUIREMENTS = ''
