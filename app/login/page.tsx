import { redirect } from 'next/navigation';
import { currentAdmin } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/auth/return-path';
import { SignInForm } from './sign-in-form';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await currentAdmin()) redirect(callbackUrl);
  return <SignInForm callbackUrl={callbackUrl} />;
}
