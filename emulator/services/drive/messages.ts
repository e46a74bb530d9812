/**
 * Drive error texts, in one place so a verified correction is a one-line change.
 *
 * Verified (Google docs or observed in public scripts):
 * - not found: DriveStore.require's text (DriveApp.getFileById reference).
 * - ACCESS_DENIED: "Access denied: DriveApp." is what Apps Script reports when Drive refuses a
 *   write (e.g. trashing a file one does not own).
 * - iterator end: see iterators.ts.
 * - INVALID_EMAIL: "Invalid argument: permission.value" is Drive's complaint about a permission's
 *   value (an email, or a domain); seen in public scripts for domain sharing without a domain. Its
 *   use for a malformed address in addEditor/addViewer is inferred from that, not observed.
 * Guessed (no public source found; stricter to throw than to accept):
 * - CONTENT_TOO_LARGE, GOOGLE_TYPE_CONTENT, INVALID_SHARING.
 */
export const ACCESS_DENIED = 'Access denied: DriveApp.';
export const INVALID_EMAIL = 'Invalid argument: permission.value';
export const CONTENT_TOO_LARGE = 'Invalid argument: content exceeds the 10 MB limit';
export const GOOGLE_TYPE_CONTENT = 'Invalid argument: mimeType';
export const INVALID_SHARING = 'Invalid argument: permissionType';

/** createFile / setContent: "Throws an exception if content is larger than 10MB." */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;
