import type { z } from 'zod';

/** The one result shape of every form's server action. */
export type ActionState = {
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the admin typed, so the form can be shown again as it was; a group of checkboxes is a list. */
  values?: Record<string, string | string[]>;
};

export const initialActionState: ActionState = {};

/**
 * The form's fields as strings (files are not used by these forms). A key sent more than once (a
 * group of checkboxes) becomes a list, in order; a schema that expects a list accepts one string too.
 */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || omit.includes(key) || typeof value !== 'string') continue;
    const earlier = values[key];
    values[key] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return values;
}

/** Every value the admin sent for a field that may repeat (a group of checkboxes). */
export function valueList(values: ActionState['values'], name: string): string[] {
  const value = values?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The form's chosen files. A file input with nothing chosen still sends an empty file (nameless
 * from a plain post, named "blob" by React's encoding): an empty file is no file.
 */
export function formFiles(formData: FormData): Record<string, File> {
  const files: Record<string, File> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' && value.size > 0) files[key] = value;
  }
  return files;
}
