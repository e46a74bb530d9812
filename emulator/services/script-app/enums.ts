import { makeEnum } from '../support/enums';

/** https://developers.google.com/apps-script/reference/script/event-type */
export const EVENT_TYPE = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export type EventTypeName = keyof typeof EVENT_TYPE;

/** https://developers.google.com/apps-script/reference/script/trigger-source */
export const TRIGGER_SOURCE = makeEnum('TriggerSource', [
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export type TriggerSourceName = keyof typeof TRIGGER_SOURCE;

/** https://developers.google.com/apps-script/reference/script/auth-mode */
export const AUTH_MODE = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

export const AUTHORIZATION_STATUS = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);

export const INSTALLATION_SOURCE = makeEnum('InstallationSource', [
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

/** ScriptApp.WeekDay is Base.Weekday: its ordinal is JavaScript's getDay() (Sunday = 0). */
export const WEEKDAY = makeEnum('Weekday', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
