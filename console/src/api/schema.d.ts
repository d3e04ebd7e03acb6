// Generated from GET /v1/openapi.json by src/console/openapi-types.ts (npm run console:build). Do not edit.
export interface paths {
    "/v1/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's companies */
        get: operations["listCompanies"];
        put?: never;
        /** Create a company (ATS keys only) */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/company/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a company
         * @description Metadata is merged (RFC 7396). Only an ATS key managing the company may change `plan`.
         */
        patch: operations["updateCompany"];
        trace?: never;
    };
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the company's phone numbers */
        get: operations["listPhoneNumbers"];
        put?: never;
        /** Register a number the operator owns at the provider (extension) */
        post: operations["registerPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a phone number */
        get: operations["getPhoneNumber"];
        put?: never;
        post?: never;
        /** Retire a phone number */
        delete: operations["retirePhoneNumber"];
        options?: never;
        head?: never;
        /** Change capabilities, status or location */
        patch: operations["updatePhoneNumber"];
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agents */
        get: operations["listAgents"];
        put?: never;
        /** Create an agent */
        post: operations["createAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an agent */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /** Delete an agent (soft) */
        delete: operations["deleteAgent"];
        options?: never;
        head?: never;
        /**
         * Update an agent
         * @description Omitted fields keep their value; null clears a nullable field; metadata is merged (RFC 7396). Rules are checked on the resulting agent.
         */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs */
        get: operations["listJobs"];
        put?: never;
        /** Create a job */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a job */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /** Delete a job (soft) */
        delete: operations["deleteJob"];
        options?: never;
        head?: never;
        /**
         * Update a job
         * @description Omitted fields keep their value; null clears a nullable field; metadata is replaced.
         */
        patch: operations["updateJob"];
        trace?: never;
    };
    "/v1/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List candidates */
        get: operations["listCandidates"];
        put?: never;
        /** Create a candidate */
        post: operations["createCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/candidates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a candidate */
        get: operations["getCandidate"];
        put?: never;
        post?: never;
        /** Delete a candidate (soft) */
        delete: operations["deleteCandidate"];
        options?: never;
        head?: never;
        /**
         * Update a candidate
         * @description Omitted fields keep their value; null clears a nullable field; jobIds and metadata are replaced.
         */
        patch: operations["updateCandidate"];
        trace?: never;
    };
    "/v1/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List interviews (the global feed; filters optional) */
        get: operations["listInterviews"];
        put?: never;
        /**
         * Create an interview
         * @description One of candidateId/candidate, one of agentId/agent, optionally one of jobId/job; inline resources are created in the same transaction. Needs write:interviews, read:candidates and read:agents.
         */
        post: operations["createInterview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/interviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an interview */
        get: operations["getInterview"];
        put?: never;
        post?: never;
        /** Delete an interview (soft; a scheduled one is cancelled first) */
        delete: operations["deleteInterview"];
        options?: never;
        head?: never;
        /** Update an interview's metadata (merged) */
        patch: operations["updateInterview"];
        trace?: never;
    };
    "/v1/interviews/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled or running interview */
        post: operations["cancelInterview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/interviews/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an interview's transcript */
        get: operations["getInterviewTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/interviews/{id}/analysis-pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an interview's analysis as a PDF report (base64)
         * @description 404 RESOURCE_NOT_FOUND until the interview has an analysis.
         */
        get: operations["getInterviewAnalysisPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/interviews/{id}/call-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an interview's call attempts
         * @description PHONE interviews only: on an ONLINE interview the answer is 400.
         */
        get: operations["listCallAttempts"];
        put?: never;
        /**
         * Schedule a call (now or later)
         * @description PHONE interviews only: on an ONLINE interview the answer is 400. The body may be omitted (call now). Replaces a still-SCHEDULED attempt (it becomes CANCELLED). 409 CONFLICT while a call is in progress or once the interview has had 20 attempts (dropped ones included: create a new interview); 409 INVALID_STATE_TRANSITION once the interview is finished or cancelled.
         */
        post: operations["createCallAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/interviews/{id}/call-attempts/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a call attempt
         * @description PHONE interviews only: on an ONLINE interview the answer is 400.
         */
        get: operations["getCallAttempt"];
        put?: never;
        post?: never;
        /**
         * Cancel a pending call attempt, or drop a finished one
         * @description PHONE interviews only: on an ONLINE interview the answer is 400. A SCHEDULED attempt becomes CANCELLED; a COMPLETED, FAILED or CANCELLED one disappears; 409 while the call is in progress.
         */
        delete: operations["deleteCallAttempt"];
        options?: never;
        head?: never;
        /**
         * Reschedule a SCHEDULED call attempt
         * @description PHONE interviews only: on an ONLINE interview the answer is 400. Any other status is a 409.
         */
        patch: operations["rescheduleCallAttempt"];
        trace?: never;
    };
    "/v1/billing/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Interviews and minutes used, per company
         * @description Test and deleted interviews are excluded. ATS keys see every company they manage, or the one companyId names.
         */
        get: operations["getBillingUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description The answer holds `signingSecret` (whsec_…), shown this once. Events may be given dotted, UPPER_SNAKE or as InstaView numeric codes; they are answered dotted.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Its pending deliveries are dropped.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Omitted fields keep their value; `headers` replaces the list; `isActive: false` pauses deliveries and `isActive: true` resumes them (re-arming an open circuit).
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a ping now
         * @description Sends a `ping` event synchronously (also to an inactive webhook) and reports the outcome; a failing receiver is `success: false` with the reason, not an error.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/reset-circuit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-arm a webhook whose circuit opened
         * @description Activates the webhook, clears its failure count and resumes the deliveries held while the circuit was open, oldest first.
         */
        post: operations["resetWebhookCircuit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's deliveries
         * @description Newest first by default, each with its attempts (time, status code, latency, the first 2 KB of the answer, error).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Queues one new attempt with the same webhook-id and body (202). A paused webhook or one whose circuit is open answers 409.
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the company's console users (extension) */
        get: operations["listUsers"];
        put?: never;
        /**
         * Invite a console user (extension)
         * @description Answers the user with `invitationUrl`, a one-time link (24 h) where they set a password and sign in; it is shown only here. An email already used by a console user is a 409.
         */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a console user (extension) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a console user and end their sessions (extension)
         * @description A signed-in admin cannot delete themselves (409).
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Change a console user's role, disable or enable them, or end their sessions (extension)
         * @description Disabling ends their sessions. A signed-in admin cannot disable or demote themselves (409).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the company's API keys (extension)
         * @description Revoked keys are listed with their revokedAt.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create a company API key (extension)
         * @description The plaintext `key` is in this answer only. Scopes default to, and may not exceed, those of the caller.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key (extension) */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key (extension)
         * @description Every server process refuses it within 1 second.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Agent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            name: string;
            /** @enum {string} */
            type: "UNDEFINED" | "ONLINE" | "PHONE";
            /** @enum {string} */
            focus: "UNDEFINED" | "GENERIC" | "SCREENING" | "OUTREACH" | "LANGUAGE_TEST";
            /** @enum {string} */
            language: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
            duration: number;
            questions: string[];
            instructions: string | null;
            voiceId: ("ALEX" | "PETER" | "MIRIAM" | "SUE" | "VIERA" | "CASANDRA" | "SILVIA" | "MICHAEL" | "LUKE" | "EMMA" | "SARAH" | "EVA") | null;
            companyPhoneNumberId: string | null;
            cefrLevel: ("A1" | "A2" | "B1" | "B2" | "C1" | "C2") | null;
            /** @enum {string} */
            backgroundSound: "OFFICE" | "OFF";
            metadata: {
                [key: string]: unknown;
            };
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        AgentPage: {
            data: components["schemas"]["Agent"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Analysis: {
            general: {
                overallRating: number | null;
                companyFitRating: ("LOW" | "MEDIUM" | "HIGH") | null;
                strongPoints: string[];
                weakPoints: string[];
                evaluation: {
                    question: string;
                    answerSummary: string;
                    score: number | null;
                    reasoning: string;
                    /** @description The transcript turns this evaluation rests on: the distinct turns of `evidence` (extension). */
                    evidenceTurnIds: string[];
                    /** @description The quotes the score rests on, each verified against the transcript (extension). */
                    evidence: {
                        /**
                         * Format: uuid
                         * @description A candidate turn of this interview's transcript.
                         */
                        turnId: string;
                        /** @description Verbatim (whitespace normalised) from that turn; checked by the server. */
                        quote: string;
                    }[];
                    insufficientEvidence: boolean;
                }[];
                summary: string;
                /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
                createdAt: string;
            };
            specific: ({
                /** @enum {string} */
                targetLevel: "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
                estimatedLevel: ("A1" | "A2" | "B1" | "B2" | "C1" | "C2") | null;
                scores: {
                    grammar: number | null;
                    vocabulary: number | null;
                    fluency: number | null;
                    coherence: number | null;
                };
                /** @description Computed from the transcript, not judged (extension). */
                measures: {
                    /** @description The candidate's words per minute of answering (turn times). */
                    wordsPerMinute: number | null;
                    /** @description Moving-average type-token ratio (window of 50 words) of the candidate's words, 0..1. */
                    lexicalDiversity: number | null;
                    /** @description Mean words per candidate answer. */
                    meanAnswerWords: number | null;
                };
            } | {
                interestLevel: ("LOW" | "MEDIUM" | "HIGH") | null;
                availability: string | null;
                nextStep: string | null;
            }) | null;
            evaluator: {
                /** @enum {string} */
                kind: "llm" | "rules" | "test";
                model: string | null;
                /** @description The evaluator's prompt version (kind llm), else null (extension). */
                promptVersion: string | null;
                /** @description What a reader should know about how it was produced, e.g. that the model failed during the interview (extension). */
                notes: string[];
            };
        };
        AnalysisPdf: {
            analysisPdfBase64: string;
        };
        /** @description An API key (§3.1); never its plaintext or hash. */
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "COMPANY" | "ATS";
            companyId: string | null;
            /** @description The first characters of the key, to recognise it; the key itself is shown only at creation. */
            keyPrefix: string;
            scopes: ("read:agents" | "write:agents" | "delete:agents" | "read:candidates" | "write:candidates" | "delete:candidates" | "read:jobs" | "write:jobs" | "delete:jobs" | "read:interviews" | "write:interviews" | "delete:interviews" | "read:companies" | "write:companies" | "read:webhooks" | "write:webhooks" | "read:phone-numbers" | "write:phone-numbers" | "read:api-keys" | "write:api-keys" | "read:users" | "write:users" | "read:billing")[];
            isTest: boolean;
            expiresAt: string | null;
            allowedIps: string[] | null;
            rateLimitMinute: number | null;
            rateLimitHour: number | null;
            revokedAt: string | null;
            suspendedAt: string | null;
            suspendReason: string | null;
            lastUsedAt: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
        };
        ApiKeyPage: {
            data: components["schemas"]["ApiKey"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        CallAttempt: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            direction: "OUTBOUND" | "INBOUND";
            /** @enum {string} */
            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELLED";
            reasonCode: ("NO_ANSWER" | "BUSY" | "FAILED" | "VOICEMAIL" | "CANCELLED" | "COMPLETED" | "TELEPHONY_NOT_CONFIGURED" | "CANDIDATE_HUNG_UP") | null;
            notes: string | null;
            retryNumber: number;
            recordingUrl: string | null;
            /** @description Seconds. */
            duration: number | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            scheduledAt: string;
            calledAt: string | null;
        };
        CallAttemptPage: {
            data: components["schemas"]["CallAttempt"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Candidate: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            firstName: string;
            lastName: string;
            email: string | null;
            phoneNumber: string | null;
            gdprExpiryDate: string;
            jobIds: string[];
            /** @description Deprecated: the first of jobIds. */
            jobId: string | null;
            /** @enum {string} */
            status: "UNDEFINED" | "APPLIED" | "IN_PROCESS" | "REJECTED" | "ACCEPTED";
            metadata: {
                [key: string]: unknown;
            };
            interviewCount: number;
            analysisCount: number;
            /** @description Mean overall rating of completed analyses, or null. */
            overallRating: number | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        CandidatePage: {
            data: components["schemas"]["Candidate"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Company: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            ownerEmail: string | null;
            /** @description Extension: IANA time zone name. */
            timezone: string;
            /**
             * @description Extension.
             * @enum {string}
             */
            defaultLanguage: "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
            metadata: {
                [key: string]: unknown;
            };
            plan: {
                monthlyMinutes: number;
            };
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        CompanyPage: {
            data: components["schemas"]["Company"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        CreateAgentInput: {
            name: string;
            /**
             * @default ONLINE
             * @enum {string}
             */
            type?: "UNDEFINED" | "ONLINE" | "PHONE";
            /**
             * @default SCREENING
             * @enum {string}
             */
            focus?: "UNDEFINED" | "GENERIC" | "SCREENING" | "OUTREACH" | "LANGUAGE_TEST";
            /**
             * @default EN
             * @enum {string}
             */
            language?: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
            /**
             * @description Minutes.
             * @default 30
             */
            duration?: number;
            /** @default [] */
            questions?: string[];
            /** @default null */
            instructions?: string | null;
            /**
             * @description Male: ALEX PETER MICHAEL LUKE; female: the rest.
             * @default null
             */
            voiceId?: ("ALEX" | "PETER" | "MIRIAM" | "SUE" | "VIERA" | "CASANDRA" | "SILVIA" | "MICHAEL" | "LUKE" | "EMMA" | "SARAH" | "EVA") | null;
            /** @description Required when type is PHONE: an active OUTBOUND number of the company. */
            companyPhoneNumberId?: string | null;
            /**
             * @description Required when focus is LANGUAGE_TEST, rejected otherwise.
             * @default null
             */
            cefrLevel?: ("A1" | "A2" | "B1" | "B2" | "C1" | "C2") | null;
            /**
             * @default OFFICE
             * @enum {string}
             */
            backgroundSound?: "OFFICE" | "OFF";
            /** @default {} */
            metadata?: components["schemas"]["MetadataInput"];
        };
        CreateCallAttemptInput: {
            /**
             * Format: date-time
             * @description When to call: from now up to 30 days ahead; omitted means now.
             */
            scheduledAt?: string;
        };
        CreateCandidateInput: {
            firstName: string;
            lastName: string;
            email?: string | null;
            phoneNumber?: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD, in the future; default today + 365 days.
             */
            gdprExpiryDate?: string;
            jobIds?: string[];
            /** @description Deprecated: a single job; use jobIds. */
            jobId?: string | null;
            /**
             * @default APPLIED
             * @enum {string}
             */
            status?: "UNDEFINED" | "APPLIED" | "IN_PROCESS" | "REJECTED" | "ACCEPTED";
            /** @default {} */
            metadata?: components["schemas"]["MetadataInput"];
        };
        CreatedApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "COMPANY" | "ATS";
            companyId: string | null;
            /** @description The first characters of the key, to recognise it; the key itself is shown only at creation. */
            keyPrefix: string;
            scopes: ("read:agents" | "write:agents" | "delete:agents" | "read:candidates" | "write:candidates" | "delete:candidates" | "read:jobs" | "write:jobs" | "delete:jobs" | "read:interviews" | "write:interviews" | "delete:interviews" | "read:companies" | "write:companies" | "read:webhooks" | "write:webhooks" | "read:phone-numbers" | "write:phone-numbers" | "read:api-keys" | "write:api-keys" | "read:users" | "write:users" | "read:billing")[];
            isTest: boolean;
            expiresAt: string | null;
            allowedIps: string[] | null;
            rateLimitMinute: number | null;
            rateLimitHour: number | null;
            revokedAt: string | null;
            suspendedAt: string | null;
            suspendReason: string | null;
            lastUsedAt: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description The plaintext key, shown only in this answer: store it now. */
            key: string;
        };
        CreatedUser: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            email: string;
            /**
             * @description admin: every scope of the company; recruiter: agents, jobs, candidates, interviews and read:billing.
             * @enum {string}
             */
            role: "admin" | "recruiter";
            disabledAt: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            lastSignInAt: string | null;
            /** @description The one-time link (24 h) where the user sets a password and signs in; shown once. */
            invitationUrl: string;
        };
        CreatedWebhook: {
            /** Format: uuid */
            id: string;
            url: string;
            name: string | null;
            description: string | null;
            events: components["schemas"]["WebhookEventType"][];
            /** @description null: an ATS key's global webhook. */
            companyId: string | null;
            headers: {
                name: string;
                value: string;
            }[];
            isActive: boolean;
            timeoutMs: number;
            maxRetries: number;
            circuitOpenedAt: string | null;
            consecutiveFailures: number;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
            /** @description whsec_…: verifies the webhook-signature header (Standard Webhooks). Shown only in this answer. */
            signingSecret: string;
        };
        CreateInterviewInput: {
            /** Format: uuid */
            candidateId?: string;
            /** @description Inline candidate (§9), created with the interview. */
            candidate?: components["schemas"]["CreateCandidateInput"];
            /** Format: uuid */
            agentId?: string;
            /** @description Inline agent (§5), created with the interview. */
            agent?: components["schemas"]["CreateAgentInput"];
            /** Format: uuid */
            jobId?: string;
            /** @description Inline job (§8), created with the interview. */
            job?: components["schemas"]["CreateJobInput"];
            /**
             * Format: date-time
             * @description ISO 8601 instant with an offset; from now up to 30 days ahead.
             */
            scheduledAt?: string;
            /**
             * Format: date-time
             * @description Alias of scheduledAt.
             */
            scheduleTime?: string;
            /** @default false */
            isTest?: boolean;
            /** @default {} */
            metadata?: components["schemas"]["MetadataInput"];
        };
        CreateJobInput: {
            title: string;
            description: string;
            /**
             * @default OPEN
             * @enum {string}
             */
            status?: "OPEN" | "CLOSED" | "DRAFT" | "ARCHIVED";
            /** @default null */
            jobUrl?: string | null;
            /** @default null */
            benefits?: string | null;
            /** @default [] */
            requiredSkills?: string[];
            /** @default [] */
            niceToHaveSkills?: string[];
            /** @default [] */
            languageRequirements?: {
                /** @enum {string} */
                language: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                /** @enum {string} */
                proficiency: "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
            }[];
            /** @default [] */
            education?: ("UNDEFINED" | "PRIMARY_EDUCATION" | "SECONDARY_SCHOOL_STUDENT" | "SECONDARY_WITHOUT_DIPLOMA" | "SECONDARY_WITH_DIPLOMA" | "POST_SECONDARY_VOCATIONAL" | "UNIVERSITY_STUDENT" | "BACHELOR_LEVEL" | "MASTER_LEVEL" | "POSTGRADUATE")[];
            /** @default null */
            experience?: ("UNDEFINED" | "NO_EXPERIENCE" | "LESS_THAN_1_YEAR" | "ONE_TO_3_YEARS" | "THREE_TO_5_YEARS" | "FIVE_TO_10_YEARS" | "MORE_THAN_10_YEARS") | null;
            /** @default null */
            contractType?: ("FULL_TIME" | "PART_TIME" | "CONTRACT" | "TEMPORARY" | "INTERNSHIP" | "FREELANCE") | null;
            /** @default null */
            location?: components["schemas"]["JobLocationInput"] | null;
            /** @default null */
            salary?: components["schemas"]["JobSalaryInput"] | null;
            /** @default {} */
            metadata?: components["schemas"]["MetadataInput"];
        };
        CreateWebhookInput: {
            /**
             * Format: uri
             * @description https, at most 2048 characters; private, loopback and link-local targets are refused.
             */
            url: string;
            events: components["schemas"]["WebhookEventInputInput"][];
            /** @default null */
            name?: string | null;
            /** @default null */
            description?: string | null;
            /** @description ATS keys: a company the key manages (omitted = every company it manages, now and later). Company keys: their own company. */
            companyId?: string | null;
            /** @default [] */
            headers?: components["schemas"]["WebhookHeaderInput"][];
            /**
             * @description How long one attempt may take, in milliseconds (1000..30000).
             * @default 30000
             */
            timeoutMs?: number;
            /**
             * @description Retries after a failed first attempt (0..10).
             * @default 3
             */
            maxRetries?: number;
            /** @default true */
            isActive?: boolean;
        };
        /** @description Every error answer has this body (contract §2). */
        ErrorEnvelope: {
            /** @constant */
            success: false;
            data: null;
            error: {
                /** @enum {string} */
                code: "VALIDATION_ERROR" | "INVALID_JSON" | "COMPANY_ID_REQUIRED" | "INVALID_API_KEY" | "API_KEY_SUSPENDED" | "UNAUTHORIZED" | "BILLING_LIMIT_REACHED" | "INSUFFICIENT_PERMISSIONS" | "RESOURCE_ACCESS_DENIED" | "RESOURCE_NOT_FOUND" | "ROUTE_NOT_FOUND" | "REQUEST_TIMEOUT" | "CONFLICT" | "INVALID_STATE_TRANSITION" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "IDEMPOTENCY_KEY_REUSED" | "RATE_LIMITED" | "REQUEST_HEADER_FIELDS_TOO_LARGE" | "INTERNAL_ERROR" | "NOT_IMPLEMENTED" | "SERVICE_UNAVAILABLE";
                message: string;
                details: {
                    [key: string]: unknown;
                };
            };
            timestamp: string;
        };
        Interview: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            /** Format: uuid */
            candidateId: string;
            /** Format: uuid */
            agentId: string;
            jobId: string | null;
            /** @enum {string} */
            status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELLED";
            /** @description Why the interview ended as it did (extension); null until it ends. */
            statusReason: ("COMPLETED" | "ABANDONED" | "EXPIRED" | "NO_ANSWER" | "BUSY" | "VOICEMAIL" | "CALL_FAILED" | "CANDIDATE_HUNG_UP" | "TELEPHONY_NOT_CONFIGURED" | "CANCELLED" | "TIME_LIMIT") | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            scheduledAt: string;
            startedAt: string | null;
            finishedDate: string | null;
            /** @description Minutes actually used. */
            durationMinutes: number | null;
            isTest: boolean;
            metadata: {
                [key: string]: unknown;
            };
            callAttempts: components["schemas"]["CallAttempt"][];
            analysis: components["schemas"]["Analysis"] | null;
            /** @description ONLINE interviews: the candidate's join link (extension). */
            interviewUrl: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        InterviewPage: {
            data: components["schemas"]["Interview"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Job: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            title: string;
            description: string;
            /** @enum {string} */
            status: "OPEN" | "CLOSED" | "DRAFT" | "ARCHIVED";
            jobUrl: string | null;
            benefits: string | null;
            requiredSkills: string[];
            niceToHaveSkills: string[];
            languageRequirements: {
                /** @enum {string} */
                language: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                /** @enum {string} */
                proficiency: "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
            }[];
            education: ("UNDEFINED" | "PRIMARY_EDUCATION" | "SECONDARY_SCHOOL_STUDENT" | "SECONDARY_WITHOUT_DIPLOMA" | "SECONDARY_WITH_DIPLOMA" | "POST_SECONDARY_VOCATIONAL" | "UNIVERSITY_STUDENT" | "BACHELOR_LEVEL" | "MASTER_LEVEL" | "POSTGRADUATE")[];
            experience: ("UNDEFINED" | "NO_EXPERIENCE" | "LESS_THAN_1_YEAR" | "ONE_TO_3_YEARS" | "THREE_TO_5_YEARS" | "FIVE_TO_10_YEARS" | "MORE_THAN_10_YEARS") | null;
            contractType: ("FULL_TIME" | "PART_TIME" | "CONTRACT" | "TEMPORARY" | "INTERNSHIP" | "FREELANCE") | null;
            location: {
                /** @enum {string} */
                workMode: "ONSITE" | "REMOTE" | "HYBRID";
                street: string | null;
                city: string | null;
                postalCode: string | null;
                countryCode: string | null;
            } | null;
            salary: {
                min: number;
                max: number;
                currency: string;
                /** @enum {string} */
                period: "HOURLY" | "MONTHLY" | "YEARLY";
            } | null;
            metadata: {
                [key: string]: unknown;
            };
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        JobLocationInput: {
            /** @enum {string} */
            workMode: "ONSITE" | "REMOTE" | "HYBRID";
            /** @default null */
            street?: string | null;
            /** @default null */
            city?: string | null;
            /** @default null */
            postalCode?: string | null;
            /** @default null */
            countryCode?: string | null;
        };
        JobPage: {
            data: components["schemas"]["Job"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        JobSalaryInput: {
            min: number;
            max: number;
            currency: string;
            /** @enum {string} */
            period: "HOURLY" | "MONTHLY" | "YEARLY";
        };
        /** @description Free JSON object: at most 10,240 bytes, 5 levels and 50 keys over all levels. */
        MetadataInput: {
            [key: string]: unknown;
        };
        PhoneNumber: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            companyId: string;
            capabilities: ("OUTBOUND" | "INBOUND")[];
            /** @enum {string} */
            provider: "TWILIO";
            /** @enum {string} */
            status: "AVAILABLE" | "DISABLED";
            /** @enum {string} */
            numberType: "LOCAL" | "MOBILE" | "TOLL_FREE";
            location: string | null;
            custom: boolean;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        PhoneNumberPage: {
            data: components["schemas"]["PhoneNumber"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Transcript: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "agent" | "candidate";
            text: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            startedAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            endedAt: string;
            /**
             * @description Extension (§14): where the turn was said; present on phone turns.
             * @enum {string}
             */
            channel?: "room" | "phone";
            /** @description Extension (§14): recognised speech, the recogniser's confidence 0..1. */
            confidence?: number | null;
        }[];
        UpdateAgentInput: {
            name?: string;
            /** @enum {string} */
            type?: "UNDEFINED" | "ONLINE" | "PHONE";
            /** @enum {string} */
            focus?: "UNDEFINED" | "GENERIC" | "SCREENING" | "OUTREACH" | "LANGUAGE_TEST";
            /** @enum {string} */
            language?: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
            /** @description Minutes. */
            duration?: number;
            questions?: string[];
            instructions?: string | null;
            /** @description Male: ALEX PETER MICHAEL LUKE; female: the rest. */
            voiceId?: ("ALEX" | "PETER" | "MIRIAM" | "SUE" | "VIERA" | "CASANDRA" | "SILVIA" | "MICHAEL" | "LUKE" | "EMMA" | "SARAH" | "EVA") | null;
            /** @description Required when type is PHONE: an active OUTBOUND number of the company. */
            companyPhoneNumberId?: string | null;
            /** @description Required when focus is LANGUAGE_TEST, rejected otherwise. */
            cefrLevel?: ("A1" | "A2" | "B1" | "B2" | "C1" | "C2") | null;
            /** @enum {string} */
            backgroundSound?: "OFFICE" | "OFF";
            /** @description JSON Merge Patch (RFC 7396): a null value removes the key. */
            metadata?: {
                [key: string]: unknown;
            };
        };
        UpdateCallAttemptInput: {
            /**
             * Format: date-time
             * @description The new time of the call: from now up to 30 days ahead.
             */
            scheduledAt: string;
        };
        UpdateCandidateInput: {
            firstName?: string;
            lastName?: string;
            email?: string | null;
            phoneNumber?: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD, in the future; default today + 365 days.
             */
            gdprExpiryDate?: string;
            /** @description Replaces the list. */
            jobIds?: string[];
            /** @description Deprecated: a single job; use jobIds. */
            jobId?: string | null;
            /** @enum {string} */
            status?: "UNDEFINED" | "APPLIED" | "IN_PROCESS" | "REJECTED" | "ACCEPTED";
            /** @description Replaces the whole metadata object (§4). */
            metadata?: components["schemas"]["MetadataInput"];
        };
        UpdateInterviewInput: {
            /** @description JSON Merge Patch (RFC 7396): a null value removes the key. */
            metadata?: {
                [key: string]: unknown;
            };
        };
        UpdateJobInput: {
            title?: string;
            description?: string;
            /** @enum {string} */
            status?: "OPEN" | "CLOSED" | "DRAFT" | "ARCHIVED";
            jobUrl?: string | null;
            benefits?: string | null;
            requiredSkills?: string[];
            niceToHaveSkills?: string[];
            languageRequirements?: {
                /** @enum {string} */
                language: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                /** @enum {string} */
                proficiency: "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
            }[];
            education?: ("UNDEFINED" | "PRIMARY_EDUCATION" | "SECONDARY_SCHOOL_STUDENT" | "SECONDARY_WITHOUT_DIPLOMA" | "SECONDARY_WITH_DIPLOMA" | "POST_SECONDARY_VOCATIONAL" | "UNIVERSITY_STUDENT" | "BACHELOR_LEVEL" | "MASTER_LEVEL" | "POSTGRADUATE")[];
            experience?: ("UNDEFINED" | "NO_EXPERIENCE" | "LESS_THAN_1_YEAR" | "ONE_TO_3_YEARS" | "THREE_TO_5_YEARS" | "FIVE_TO_10_YEARS" | "MORE_THAN_10_YEARS") | null;
            contractType?: ("FULL_TIME" | "PART_TIME" | "CONTRACT" | "TEMPORARY" | "INTERNSHIP" | "FREELANCE") | null;
            location?: components["schemas"]["JobLocationInput"] | null;
            salary?: components["schemas"]["JobSalaryInput"] | null;
            /** @description Replaces the whole metadata object (§4). */
            metadata?: components["schemas"]["MetadataInput"];
        };
        UpdateWebhookInput: {
            /** Format: uri */
            url?: string;
            events?: components["schemas"]["WebhookEventInputInput"][];
            name?: string | null;
            description?: string | null;
            /** @description Replaces every custom header. */
            headers?: components["schemas"]["WebhookHeaderInput"][];
            /** @description How long one attempt may take, in milliseconds (1000..30000). */
            timeoutMs?: number;
            /** @description Retries after a failed first attempt (0..10). */
            maxRetries?: number;
            /** @description false pauses deliveries; true resumes them and re-arms an open circuit. */
            isActive?: boolean;
        };
        Usage: {
            companies: {
                /** Format: uuid */
                companyId: string;
                companyName: string;
                totalInterviews: number;
                totalMinutesUsed: number;
                /** @description Extension (§15): minutes committed in the current calendar month (UTC): used by interviews finished this month plus the reservations of scheduled and running ones. */
                committedMinutes: number;
                /** @description Extension (§15): the company's monthly allowance (its plan, or the server's default). */
                allowanceMinutes: number;
            }[];
            totalInterviews: number;
            totalMinutesUsed: number;
        };
        /** @description A console user (extension, §15). */
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            companyId: string;
            email: string;
            /**
             * @description admin: every scope of the company; recruiter: agents, jobs, candidates, interviews and read:billing.
             * @enum {string}
             */
            role: "admin" | "recruiter";
            disabledAt: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            lastSignInAt: string | null;
        };
        UserPage: {
            data: components["schemas"]["User"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        Webhook: {
            /** Format: uuid */
            id: string;
            url: string;
            name: string | null;
            description: string | null;
            events: components["schemas"]["WebhookEventType"][];
            /** @description null: an ATS key's global webhook. */
            companyId: string | null;
            headers: {
                name: string;
                value: string;
            }[];
            isActive: boolean;
            timeoutMs: number;
            maxRetries: number;
            circuitOpenedAt: string | null;
            consecutiveFailures: number;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
        };
        WebhookAttempt: {
            /** Format: uuid */
            id: string;
            /** @description 1 for the first attempt of the delivery. */
            number: number;
            /** @enum {string} */
            trigger: "AUTOMATIC" | "REDELIVERY" | "TEST";
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            attemptedAt: string;
            /** @description The receiver's HTTP status; null when no answer came. */
            statusCode: number | null;
            latencyMs: number;
            /** @description The first 2 KB of the receiver's answer. */
            responseBody: string | null;
            error: string | null;
        };
        WebhookDelivery: {
            /**
             * Format: uuid
             * @description Also the webhook-id header and the body's deliveryId.
             */
            id: string;
            /** Format: uuid */
            webhookId: string;
            event: components["schemas"]["WebhookEventType"];
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED" | "PARKED" | "CANCELLED";
            interviewId: string | null;
            companyId: string | null;
            /** @description The body sent: { event, timestamp, deliveryId, data }. */
            payload: {
                [key: string]: unknown;
            };
            attemptCount: number;
            lastStatusCode: number | null;
            lastError: string | null;
            deliveredAt: string | null;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            createdAt: string;
            /** @description ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z */
            updatedAt: string;
            attempts: components["schemas"]["WebhookAttempt"][];
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        /** @description An event: dotted name, UPPER_SNAKE name or InstaView numeric code (0..5). */
        WebhookEventInputInput: ("interview.scheduled" | "interview.started" | "interview.completed" | "interview.failed" | "interview.cancelled" | "analysis.completed" | "analysis.failed" | "call_attempt.failed" | "ping") | ("INTERVIEW_SCHEDULED" | "INTERVIEW_STARTED" | "INTERVIEW_COMPLETED" | "INTERVIEW_FAILED" | "INTERVIEW_CANCELLED" | "ANALYSIS_COMPLETED" | "ANALYSIS_FAILED" | "CALL_ATTEMPT_FAILED" | "PING") | number;
        /**
         * @description An event name as delivered (dotted).
         * @enum {string}
         */
        WebhookEventType: "interview.scheduled" | "interview.started" | "interview.completed" | "interview.failed" | "interview.cancelled" | "analysis.completed" | "analysis.failed" | "call_attempt.failed" | "ping";
        WebhookHeaderInput: {
            name: string;
            value: string;
        };
        WebhookPage: {
            data: components["schemas"]["Webhook"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        WebhookTestResult: {
            success: boolean;
            /** Format: uuid */
            deliveryId: string;
            httpStatus: number | null;
            durationMs: number;
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listCompanies: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                    ownerEmail?: string | null;
                    /** @description Extension: the fallback time zone of calling windows (an IANA name, default UTC). */
                    timezone?: string;
                    /**
                     * @description Extension: the language for callers the server cannot place (default EN).
                     * @enum {string}
                     */
                    defaultLanguage?: "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                    metadata?: components["schemas"]["MetadataInput"];
                    plan?: {
                        monthlyMinutes: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    ownerEmail?: string | null;
                    /** @description Extension: the fallback time zone of calling windows (an IANA name, default UTC). */
                    timezone?: string;
                    /**
                     * @description Extension: the language for callers the server cannot place (default EN).
                     * @enum {string}
                     */
                    defaultLanguage?: "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                    /** @description JSON Merge Patch: a null value removes the key. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    plan?: {
                        monthlyMinutes: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listPhoneNumbers: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
                status?: "AVAILABLE" | "DISABLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    registerPhoneNumber: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    number: string;
                    /**
                     * @default [
                     *       "OUTBOUND"
                     *     ]
                     */
                    capabilities?: ("OUTBOUND" | "INBOUND")[];
                    /**
                     * @default TWILIO
                     * @enum {string}
                     */
                    provider?: "TWILIO";
                    /**
                     * @default LOCAL
                     * @enum {string}
                     */
                    numberType?: "LOCAL" | "MOBILE" | "TOLL_FREE";
                    location?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getPhoneNumber: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retirePhoneNumber: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updatePhoneNumber: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capabilities?: ("OUTBOUND" | "INBOUND")[];
                    /** @enum {string} */
                    status?: "AVAILABLE" | "DISABLED";
                    location?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
                type?: "UNDEFINED" | "ONLINE" | "PHONE";
                focus?: "UNDEFINED" | "GENERIC" | "SCREENING" | "OUTREACH" | "LANGUAGE_TEST";
                language?: "UNDEFINED" | "EN" | "JA" | "ZH" | "DE" | "HI" | "FR" | "KO" | "PT" | "IT" | "ES" | "ID" | "NL" | "TR" | "FIL" | "PL" | "SV" | "BG" | "RO" | "AR" | "CS" | "EL" | "FI" | "HR" | "MS" | "SK" | "DA" | "TA" | "UK" | "RU" | "HU" | "NO" | "VI";
                /** @description Case-insensitive substring of the name. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createAgent: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAgent: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteAgent: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": true;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateAgent: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
                status?: "OPEN" | "CLOSED" | "DRAFT" | "ARCHIVED";
                /** @description Case-insensitive substring of the title. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJobInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteJob: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": true;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateJob: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateJobInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listCandidates: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
                jobId?: string;
                status?: "UNDEFINED" | "APPLIED" | "IN_PROCESS" | "REJECTED" | "ACCEPTED";
                /** @description Case-insensitive substring of first name, last name or email. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidatePage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createCandidate: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCandidateInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Candidate"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCandidate: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Candidate"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteCandidate: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": true;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateCandidate: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCandidateInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Candidate"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listInterviews: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
                candidateId?: string;
                agentId?: string;
                jobId?: string;
                status?: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELLED";
                /** @description Extension (§15): only interviews created at or after this instant. */
                createdAfter?: string;
                /** @description Extension (§15): only interviews created before this instant. */
                createdBefore?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createInterview: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInterviewInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getInterview: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteInterview: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": true;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateInterview: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInterviewInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancelInterview: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getInterviewTranscript: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transcript"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getInterviewAnalysisPdf: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalysisPdf"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listCallAttempts: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAttemptPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createCallAttempt: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallAttemptInput"] | null;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAttempt"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCallAttempt: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallAttempt"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteCallAttempt: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    rescheduleCallAttempt: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCallAttemptInput"];
            };
        };
        responses: {
            /** @description No content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getBillingUsage: {
        parameters: {
            query?: {
                /** @description Default: 30 days before `end`. */
                start?: string;
                /** @description Default: now. */
                end?: string;
                /** @description ATS keys: one managed company (default: all of them). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                /** @description ATS keys: only the webhooks of this company (a company the key manages). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    resetWebhookCircuit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                sort?: "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                /** @description Only rows updated at or after this instant. */
                updatedSince?: string;
                status?: "PENDING" | "DELIVERED" | "FAILED" | "PARKED" | "CANCELLED";
                event?: "interview.scheduled" | "interview.started" | "interview.completed" | "interview.failed" | "interview.cancelled" | "analysis.completed" | "analysis.failed" | "call_attempt.failed" | "ping";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                order?: "asc" | "desc";
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * @description admin: every scope of the company; recruiter: agents, jobs, candidates, interviews and read:billing.
                     * @enum {string}
                     */
                    role: "admin" | "recruiter";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUser"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description admin: every scope of the company; recruiter: agents, jobs, candidates, interviews and read:billing.
                     * @enum {string}
                     */
                    role?: "admin" | "recruiter";
                    /** @description true disables the user (and ends their sessions); false enables them again. */
                    disabled?: boolean;
                    /**
                     * @description Ends every session of the user (they must sign in again).
                     * @enum {boolean}
                     */
                    revokeSessions?: true;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                order?: "asc" | "desc";
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: {
                /** @description Replays the first answer for the same key, path and body within 24 h. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Default: every scope the caller holds. A caller cannot grant a scope it lacks. */
                    scopes?: ("read:agents" | "write:agents" | "delete:agents" | "read:candidates" | "write:candidates" | "delete:candidates" | "read:jobs" | "write:jobs" | "delete:jobs" | "read:interviews" | "write:interviews" | "delete:interviews" | "read:companies" | "write:companies" | "read:webhooks" | "write:webhooks" | "read:phone-numbers" | "write:phone-numbers" | "read:api-keys" | "write:api-keys" | "read:users" | "write:users" | "read:billing")[];
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: {
                /** @description ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys. */
                companyId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
