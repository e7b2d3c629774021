import * as z from 'zod/mini';
import { signupFields } from '../../core/contracts/fairs';

/** What a sign-up (a job fair, a volunteer activity) asks for: both required, checked as the cloud checks them. */
export const signupContactSchema = z.strictObject({ name: signupFields.name, phone: signupFields.phone });
