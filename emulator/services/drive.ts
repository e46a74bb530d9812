import { EmulatorContext } from '../core/context';
import { asGas } from './support/gas';
import { EmuDriveApp } from './drive/app';
import { DriveEnv } from './drive/env';

export { BlobContent, registerContentExporter } from './drive/content';
export type { ContentExporter } from './drive/content';
export { EmuDriveApp } from './drive/app';
export { ITERATOR_END } from './drive/iterators';

/**
 * DriveApp for the emulator: files and folders in the shared store (ctx.drive), seen with the
 * effective user's access. Implementation in ./drive/; a Google file's PDF export plugs in through
 * registerContentExporter.
 */
export function createDriveApp(ctx: EmulatorContext): GoogleAppsScript.Drive.DriveApp {
  return asGas<GoogleAppsScript.Drive.DriveApp>(new EmuDriveApp(new DriveEnv(ctx)));
}
