/**
 * The largest request body the API takes (64 KiB): bodies are JSON forms and catalog items of a few KiB, files
 * go straight to S3. The front door's WAF blocks larger ones with the same limit (infra/constructs/waf.ts).
 */
export const MAX_BODY_BYTES = 64 * 1024;
