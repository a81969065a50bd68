import { z } from 'zod';

// Used by react-hook-form in the browser and safeParse on the server.

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address is too long')
    .email('Enter an email address like name@example.com'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password is too long'),
});
export type SignInInput = z.infer<typeof signInSchema>;
