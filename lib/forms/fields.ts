import { z } from 'zod';

// The fields every form's schema is built from. One schema per form, beside its domain's data
// functions (lib/<domain>/schemas.ts), used by react-hook-form in the browser and safeParse on
// the server.

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'That is not a valid id');
// A version is a PostgreSQL integer: a larger one would reach the query and fail there, as a server error.
export const version = z.coerce.number().int().min(0).max(2_147_483_647);
/** An HTML checkbox: "on" when ticked and absent when not; react-hook-form gives a boolean. */
export const checkbox = z
  .union([z.boolean(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A chosen file: a File on the server, a FileList in react-hook-form; nothing chosen (or an empty file) is absent. */
export const chosenFile = z.preprocess((value) => {
  const file = typeof FileList !== 'undefined' && value instanceof FileList ? value[0] : value;
  return file instanceof File && file.size > 0 ? file : undefined;
}, z.instanceof(File).optional());
