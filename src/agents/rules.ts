import type { ValidationIssue } from '../errors/catalogue.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { findPhoneNumber } from '../phone-numbers/repository.ts';
import type { Agent } from './schema.ts';

type AgentShape = Pick<Agent, 'type' | 'focus' | 'language' | 'cefrLevel' | 'companyPhoneNumberId'>;

/** §5's rules across fields, checked on the agent as it would be stored (create or after PATCH). */
export function agentRuleIssues(agent: AgentShape): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (agent.type === 'PHONE' && !agent.companyPhoneNumberId) {
    issues.push({ path: 'companyPhoneNumberId', message: 'companyPhoneNumberId is required when type is PHONE', code: 'required' });
  }
  if (agent.focus === 'LANGUAGE_TEST') {
    if (!agent.cefrLevel) issues.push({ path: 'cefrLevel', message: 'cefrLevel is required when focus is LANGUAGE_TEST', code: 'required' });
    if (agent.language === 'UNDEFINED') issues.push({ path: 'language', message: 'a LANGUAGE_TEST agent needs a language other than UNDEFINED', code: 'invalid_value' });
  } else if (agent.cefrLevel) {
    issues.push({ path: 'cefrLevel', message: 'cefrLevel is only allowed when focus is LANGUAGE_TEST', code: 'not_allowed' });
  }
  return issues;
}

/** The referenced number must be the company's own, active (AVAILABLE), and able to call out. */
export async function phoneNumberIssues(scope: TenantScope, phoneNumberId: string, path = 'companyPhoneNumberId'): Promise<ValidationIssue[]> {
  const number = await findPhoneNumber(scope, phoneNumberId);
  if (!number) return [{ path, message: `no phone number ${phoneNumberId} exists in this company`, code: 'not_found' }];
  if (number.status !== 'AVAILABLE') return [{ path, message: `phone number ${phoneNumberId} is not active`, code: 'inactive' }];
  if (!(JSON.parse(number.capabilities) as string[]).includes('OUTBOUND')) {
    return [{ path, message: `phone number ${phoneNumberId} cannot place outbound calls`, code: 'no_outbound' }];
  }
  return [];
}
