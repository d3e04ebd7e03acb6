import { InstantSchema } from './common-schemas.ts';
import { z, type ZodType } from 'zod';

/** Query parameters every list accepts (§1). Out-of-range values are a 400, never clamped. */
export const ListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(['createdAt', 'updatedAt']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  updatedSince: InstantSchema.optional().describe('Only rows updated at or after this instant.'),
});

export type ListQuery = z.infer<typeof ListQuerySchema>;

export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export function pageSchema<T extends ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      limit: z.number().int(),
      totalPages: z.number().int(),
    })
    .meta({ id });
}

export function toPage<T>(data: T[], total: number, query: Pick<ListQuery, 'page' | 'limit'>): Page<T> {
  return { data, total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
}
