/**
 * Who is calling (the bearer token's owner) and what they may see, for the emulated endpoints.
 * Tokens are the ones ScriptApp.getOAuthToken issues (script-app/oauth.ts); the effective user of
 * a request is the token's owner, whoever runs the script.
 */
import { EmulatorContext } from '../../core/context';
import { DriveItem, Role } from '../../core/drive-store';
import { tokenOwner } from '../script-app';
import { BAD_TOKEN, GoogleError, MISSING_CREDENTIALS, UNREGISTERED_CALLER } from './google-errors';
import { header, ServerRequest } from './http';

export type Caller =
  { readonly user: string } | { readonly user: null; readonly problem: 'missing' | 'invalid' };

/** The caller of a request with `Authorization: Bearer <token>` (scheme case-insensitive). */
export function callerOf(ctx: EmulatorContext, req: ServerRequest): Caller {
  const value = header(req, 'authorization');
  if (value === undefined || value.trim() === '') return { user: null, problem: 'missing' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
  const user = m ? tokenOwner(ctx, m[1]) : null;
  return user === null ? { user: null, problem: 'invalid' } : { user };
}

/** The token owner named in the headers of an outgoing request (for the request log). */
export function userOfHeaders(ctx: EmulatorContext, headers: ReadonlyMap<string, string>): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m ? tokenOwner(ctx, m[1]) : null;
}

/**
 * The API error for a request without a usable token. Measured (backlot): a GET with no
 * Authorization header is a 403 "unregistered caller" on Drive and Sheets, any other method a 401
 * "missing credential"; a present but bad token is always 401.
 */
export function authError(req: ServerRequest, problem: 'missing' | 'invalid'): GoogleError {
  if (problem === 'invalid') return BAD_TOKEN;
  return req.method === 'GET' ? UNREGISTERED_CALLER : MISSING_CREDENTIALS;
}

export type Lookup =
  | { readonly found: 'visible'; readonly item: DriveItem; readonly role: Exclude<Role, 'none'> }
  | { readonly found: 'no-access'; readonly item: DriveItem }
  | { readonly found: 'missing' };

/**
 * A Drive item as `user` may reach it by id (the "anyone with the link" sharing counts; '' is an
 * anonymous caller). Items in someone else's trash are out of reach ("other users can't view
 * files in the owner's trash", https://developers.google.com/drive/api/guides/delete).
 */
export function lookup(ctx: EmulatorContext, id: string, user: string): Lookup {
  const item = ctx.drive.peek(id);
  if (!item) return { found: 'missing' };
  const role = ctx.drive.roleOf(item, user);
  if (role === 'none' || (role !== 'owner' && ctx.drive.isTrashed(item))) return { found: 'no-access', item };
  return { found: 'visible', item, role };
}
