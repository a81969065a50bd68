'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { initialActionState, type ActionState } from './action-state';

/**
 * A server-action form that react-hook-form makes nicer when JavaScript runs: it validates with
 * the same zod schema before posting, then posts the same FormData to the same action. Without
 * JavaScript the <form action> posts as it is and the server answers with the same errors.
 */
export function useEnhancedForm<T extends FieldValues>(
  schema: z.ZodType<T, FieldValues>,
  action: (state: ActionState, formData: FormData) => Promise<ActionState>,
  /** Values the page rendered (hidden ids, current choices), so the browser validates what it posts. */
  defaultValues?: Partial<T>,
) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const form = useForm<T>({
    resolver: zodResolver(schema as never) as unknown as Resolver<T>,
    mode: 'onSubmit',
    defaultValues: defaultValues as never,
    reValidateMode: 'onChange',
    // Focus goes to the error summary, which links to each field, as on the server-rendered page.
    shouldFocusError: false,
  });

  // When the page is rendered again with new values (someone else changed the record, and the
  // form now shows it as it is), react-hook-form must forget what it holds, or it would put the
  // admin's earlier choices back into the fresh controls. It keeps its controls and sets each to
  // its new value: forgetting them makes it read a radio group back from whichever radio is
  // `defaultChecked`, which after the admin chose another one is checked no longer (none is left).
  const defaultsKey = JSON.stringify(defaultValues ?? {});
  const renderedKey = useRef(defaultsKey);
  useEffect(() => {
    if (renderedKey.current === defaultsKey) return;
    renderedKey.current = defaultsKey;
    form.reset(JSON.parse(defaultsKey) as T, { keepFieldsRef: true });
  }, [defaultsKey, form]);

  // After a refused submission focus goes to the error summary, as it does on the page the server
  // renders without JavaScript (its autofocus): once per submission, never while the admin types.
  const { submitCount, errors } = form.formState;
  const browserRefused = Object.keys(errors).length > 0;
  useEffect(() => {
    if (submitCount > 0 && browserRefused) focusErrorSummary();
    // Only a new submission moves focus; errors changing as the admin corrects them do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- browserRefused is read, not watched
  }, [submitCount]);
  useEffect(() => {
    if (state.formError || state.fieldErrors) focusErrorSummary();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    event.preventDefault();
    if (pending) return; // a second click while the first post is under way changes nothing
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(element, submitter)));
    })();
  }

  /** The first message for a field: the browser's check if it ran, else the server's. */
  function errorFor(name: string): string | undefined {
    const client = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    if (typeof client === 'string') return client;
    return state.fieldErrors?.[name]?.[0];
  }

  return { state, formAction, pending, form, onSubmit, errorFor };
}

function focusErrorSummary() {
  document.getElementById('error-summary')?.focus();
}
