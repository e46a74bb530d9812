/**
 * Google's JSON error envelopes and the errors the emulated APIs answer.
 *
 * The envelope is not uniform (measured against the live APIs by the public "backlot" emulator):
 * Drive v3 always carries `errors[]` and adds `status` only on authentication failures; Sheets v4
 * carries `status` always and `errors[]` only when asked ($.xgafv=1, not modeled).
 *   Drive:  {"error": {"code", "message", "errors": [{message, domain, reason, location?,
 *            locationType?}], "status"?}}
 *   Sheets: {"error": {"code", "message", "status", "details"?}}
 * https://developers.google.com/drive/api/guides/handle-errors
 */
import { Endpoint, EndpointKind, ServeEnv } from './env';
import { googleJson, prettyPrint, ServerRequest, ServerResponse } from './http';

export interface GoogleError {
  readonly code: number;
  readonly message: string;
  /** Canonical status name (Sheets always; Drive only where noted). */
  readonly status?: string;
  /** errors[0] fields (Drive). */
  readonly reason?: string;
  readonly domain?: string;
  readonly location?: string;
  readonly locationType?: 'parameter' | 'header';
  /** errors[0].message when it differs from the top-level message. */
  readonly short?: string;
  readonly details?: readonly unknown[];
}

/** Thrown inside an endpoint to answer with a Google error (caught by the endpoint's wrapper). */
export class ApiError extends Error {
  constructor(readonly error: GoogleError) {
    super(error.message);
  }
}

export function apiError(error: GoogleError): never {
  throw new ApiError(error);
}

export function sheetsErrorResponse(e: GoogleError, pretty: boolean): ServerResponse {
  const body: Record<string, unknown> = { code: e.code, message: e.message, status: e.status };
  if (e.details) body.details = e.details;
  return googleJson(e.code, { error: body }, pretty);
}

/**
 * A Sheets API endpoint (v4 read or write): `serve` answers or throws, and an ApiError thrown
 * anywhere in it becomes the API's error envelope, pretty-printed when the request asks so.
 */
export function sheetsApiEndpoint(
  kind: EndpointKind,
  serve: (env: ServeEnv, req: ServerRequest, pretty: boolean) => ServerResponse,
): Endpoint {
  return {
    kind,
    serve(env: ServeEnv, req: ServerRequest): ServerResponse {
      const pretty = prettyPrint(req.url);
      try {
        return serve(env, req, pretty);
      } catch (e) {
        if (e instanceof ApiError) return sheetsErrorResponse(e.error, pretty);
        throw e;
      }
    },
  };
}

export function driveErrorResponse(e: GoogleError, pretty: boolean): ServerResponse {
  const entry: Record<string, unknown> = { message: e.short ?? e.message, domain: e.domain ?? 'global' };
  if (e.reason) entry.reason = e.reason;
  if (e.location) {
    entry.location = e.location;
    entry.locationType = e.locationType ?? 'parameter';
  }
  const body: Record<string, unknown> = { code: e.code, message: e.message, errors: [entry] };
  if (e.status) body.status = e.status;
  if (e.details) body.details = e.details;
  return googleJson(e.code, { error: body }, pretty);
}

// ---- authentication (same wording for both APIs; measured by backlot) --------------------------

/** A present but unknown or expired bearer token: 401 on every API. */
export const BAD_TOKEN: GoogleError = {
  code: 401,
  message:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  status: 'UNAUTHENTICATED',
  reason: 'authError',
  short: 'Invalid Credentials',
  location: 'Authorization',
  locationType: 'header',
};

/** No Authorization header on a POST: 401. */
export const MISSING_CREDENTIALS: GoogleError = {
  code: 401,
  message:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  status: 'UNAUTHENTICATED',
  reason: 'required',
  short: 'Login Required.',
  location: 'Authorization',
  locationType: 'header',
};

/** No Authorization header on a GET to Drive or Sheets (APIs that also take API keys): 403. */
export const UNREGISTERED_CALLER: GoogleError = {
  code: 403,
  message:
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  status: 'PERMISSION_DENIED',
  reason: 'forbidden',
};

// ---- Sheets v4 -----------------------------------------------------------------------------

/** Seen widely: a spreadsheet id that does not exist (or was deleted). */
export const SHEETS_NOT_FOUND: GoogleError = {
  code: 404,
  message: 'Requested entity was not found.',
  status: 'NOT_FOUND',
};

/** Seen widely: a spreadsheet that exists but is not shared with the caller. */
export const SHEETS_PERMISSION_DENIED: GoogleError = {
  code: 403,
  message: 'The caller does not have permission',
  status: 'PERMISSION_DENIED',
};

/** Guessed wording: a Drive file that is not a spreadsheet, read through the Sheets API. */
export const SHEETS_NOT_A_SPREADSHEET: GoogleError = {
  code: 400,
  message: 'This operation is not supported for this document',
  status: 'FAILED_PRECONDITION',
};

/** Seen widely (an unknown sheet name is reported the same way as malformed A1). */
export function unableToParseRange(spec: string): GoogleError {
  return { code: 400, message: `Unable to parse range: ${spec}`, status: 'INVALID_ARGUMENT' };
}

/** Measured (backlot): a range whose start lies outside the sheet's grid. */
export function exceedsGridLimits(named: string, rows: number, cols: number): GoogleError {
  return {
    code: 400,
    message: `Range (${named}) exceeds grid limits. Max rows: ${rows}, max columns: ${cols}`,
    status: 'INVALID_ARGUMENT',
  };
}

/** Measured (backlot): an enum or boolean query parameter the API cannot read. */
export function invalidFieldValue(field: string, type: string, value: string): GoogleError {
  const message = `Invalid value at '${field}' (${type}), "${value}"`;
  return {
    code: 400,
    message,
    status: 'INVALID_ARGUMENT',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [{ field, description: message }],
      },
    ],
  };
}

/** Measured (backlot): a Sheets `fields` mask naming a field the response does not have. */
export function sheetsBadFieldMask(path: string): GoogleError {
  return {
    code: 400,
    message: 'Request contains an invalid argument.',
    status: 'INVALID_ARGUMENT',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [
          {
            field: path,
            description: `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`,
          },
        ],
      },
    ],
  };
}

/**
 * Seen widely (gspread, googleapis clients): "Quota exceeded for quota metric 'Read requests' and
 * limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer
 * 'project_number:…'." The ErrorInfo detail follows Google's current error model (guessed fields).
 */
const APPS_SCRIPT_PROJECT_NUMBER = '865302467139';

/**
 * A per-minute request quota's 429 in that shape; the Sheets and Docs APIs differ only in the
 * service, and the per-user and per-project limits only in the limit's name ("… per minute per
 * user" as seen; the project's "… per minute" and every Write / Docs wording follow it: guess).
 */
export function requestQuotaError(
  service: 'sheets.googleapis.com' | 'docs.googleapis.com',
  kind: 'Read' | 'Write',
  scope: 'user' | 'project',
): GoogleError {
  const limit = scope === 'user' ? `${kind} requests per minute per user` : `${kind} requests per minute`;
  const quotaLimit = `${kind}RequestsPerMinutePer${scope === 'user' ? 'User' : 'Project'}`;
  return {
    code: 429,
    message: `Quota exceeded for quota metric '${kind} requests' and limit '${limit}' of service '${service}' for consumer 'project_number:${APPS_SCRIPT_PROJECT_NUMBER}'.`,
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          quota_metric: `${service}/${kind.toLowerCase()}_requests`,
          quota_limit: quotaLimit,
          service,
          consumer: `projects/${APPS_SCRIPT_PROJECT_NUMBER}`,
        },
      },
    ],
  };
}

/** The read quota's 429, per user (seen widely) and per project (all users of the script together). */
export const SHEETS_READ_QUOTA: GoogleError = requestQuotaError('sheets.googleapis.com', 'Read', 'user');
export const SHEETS_READ_PROJECT_QUOTA: GoogleError = requestQuotaError(
  'sheets.googleapis.com',
  'Read',
  'project',
);

/**
 * The write quotas' 429 (Sheets API usage limits: "Write requests, per minute per user per
 * project 60, per minute per project 300").
 */
export function sheetsWriteQuota(scope: 'user' | 'project'): GoogleError {
  return requestQuotaError('sheets.googleapis.com', 'Write', scope);
}

// ---- Drive v3 ------------------------------------------------------------------------------

/**
 * Documented (handle-errors) and measured: missing, deleted and unshared files alike — Drive does
 * not say which. The id is echoed with a final period.
 */
export function driveFileNotFound(id: string): GoogleError {
  return {
    code: 404,
    message: `File not found: ${id}.`,
    reason: 'notFound',
    location: 'fileId',
  };
}

/** Measured (backlot): a `fields` mask naming something a Drive resource does not have. */
export function driveInvalidFieldSelection(name: string): GoogleError {
  return {
    code: 400,
    message: `Invalid field selection ${name}`,
    reason: 'invalidParameter',
    location: 'fields',
  };
}

/** Drive's generic refusal of a parameter value ("Invalid Value"), e.g. an unparseable `q`. */
export function driveInvalidValue(location: string): GoogleError {
  return { code: 400, message: 'Invalid Value', reason: 'invalid', location };
}

/**
 * Documented (usage limits, handle-errors): "If you exceed a quota, you'll receive a 403: User
 * rate limit exceeded" with reason userRateLimitExceeded (domain usageLimits).
 */
export const DRIVE_USER_RATE_LIMIT: GoogleError = {
  code: 403,
  message: 'User rate limit exceeded.',
  reason: 'userRateLimitExceeded',
  domain: 'usageLimits',
};

/** files.export over 10 MB (measured by others: googleapis/google-api-dotnet-client#990). */
export const DRIVE_EXPORT_SIZE_LIMIT: GoogleError = {
  code: 403,
  message: 'This file is too large to be exported.',
  reason: 'exportSizeLimitExceeded',
};

/**
 * files.export of a file that is not a Google Workspace document. Measured by others (2018):
 * 403 fileNotExportable "Export only supports Google Docs."
 * (https://github.com/NastuzziSamy/files_external_gdrive/issues/3); the text is guessed to have
 * moved to "Docs Editors files" as fileNotDownloadable's did ("Use Export with Google Docs files."
 * in 2020, "… with Docs Editors files." in 2023: ParveenBhadooOfficial/Google-Drive-Index#11,
 * glotlabs/gdrive#3).
 */
export const DRIVE_CANNOT_EXPORT: GoogleError = {
  code: 403,
  message: 'Export only supports Docs Editors files.',
  reason: 'fileNotExportable',
};

/** Documented reason (handle-errors: "403: Daily limit exceeded"); wording guessed. */
export const DRIVE_DAILY_LIMIT: GoogleError = {
  code: 403,
  message: 'Daily Limit Exceeded',
  reason: 'dailyLimitExceeded',
  domain: 'usageLimits',
};

/** Documented reason (handle-errors); message as Drive words it for a file id. */
export function driveInsufficientFilePermissions(id: string): GoogleError {
  return {
    code: 403,
    message: `The user does not have sufficient permissions for file ${id}.`,
    reason: 'insufficientFilePermissions',
  };
}

/** Documented reason: adding a file to a folder the caller cannot write to. */
export const DRIVE_INSUFFICIENT_PARENT_PERMISSIONS: GoogleError = {
  code: 403,
  message: 'Insufficient permissions for the specified parent.',
  reason: 'insufficientParentPermissions',
};

/** Documented reason: a file may have only one parent. */
export const DRIVE_CANNOT_ADD_PARENT: GoogleError = {
  code: 403,
  message: 'Increasing the number of parents is not allowed.',
  reason: 'cannotAddParent',
};

/** Seen: permissions.create with role owner and no transferOwnership=true. */
export const DRIVE_TRANSFER_OWNERSHIP_REQUIRED: GoogleError = {
  code: 403,
  message: "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
  reason: 'forbidden',
  location: 'transferOwnership',
};

/** Guessed wording: a required request-body field is missing. */
export function driveRequired(field: string): GoogleError {
  return { code: 400, message: `Required parameter: ${field}`, reason: 'required', location: field };
}

/** Guessed wording (the reason is documented): a request body that is not JSON. */
export const DRIVE_PARSE_ERROR: GoogleError = {
  code: 400,
  message: 'Invalid JSON payload received.',
  reason: 'parseError',
  status: 'INVALID_ARGUMENT',
};

/**
 * Documented (handle-errors, "Resolve a 403 error: Rate limit exceeded"): the project's or the
 * Drive back end's rate, distinct from the per-user one above.
 * https://developers.google.com/drive/api/guides/handle-errors
 */
export const DRIVE_RATE_LIMIT: GoogleError = {
  code: 403,
  message: 'Rate Limit Exceeded',
  reason: 'rateLimitExceeded',
  domain: 'usageLimits',
};

/**
 * Documented (handle-errors, "Resolve a 403 error: Sharing rate limit exceeded"): too many
 * shares or sharing notifications; the item names are echoed. The top-level message varies in
 * published captures; the documented sample's wording is kept for both.
 */
export function driveSharingRateLimit(name: string): GoogleError {
  const message = `Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: ${name}"`;
  return { code: 403, message, reason: 'sharingRateLimitExceeded', domain: 'global' };
}

/** The Drive rate-limit answers by reason, for injected faults (controls.ts failNext). */
export function driveRateLimitByReason(
  reason: 'userRateLimitExceeded' | 'rateLimitExceeded' | 'sharingRateLimitExceeded',
): GoogleError {
  if (reason === 'userRateLimitExceeded') return DRIVE_USER_RATE_LIMIT;
  if (reason === 'rateLimitExceeded') return DRIVE_RATE_LIMIT;
  return driveSharingRateLimit('');
}

/**
 * Guess (no published capture found): a writer or reader permission for the file's own owner.
 * Drive keeps one role per person and the owner's cannot be lowered by permissions.create; the
 * stricter case is taken — a refusal — rather than a silent success. Reason "forbidden" is the
 * one Drive uses for other ownership refusals (transferOwnership above).
 */
export function driveOwnerPermission(id: string): GoogleError {
  return {
    code: 403,
    message: `The owner of file ${id} already has access; their role cannot be changed with permissions.create.`,
    reason: 'forbidden',
  };
}
