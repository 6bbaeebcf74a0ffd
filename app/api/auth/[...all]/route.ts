import { toNextJsHandler } from "better-auth/next-js";
import { AUTH_BODY_MAX_BYTES, withBodyLimit } from "@/server/api/body-limit";
import { getAuth } from "@/server/auth/auth";

export const GET = (req: Request) => toNextJsHandler(getAuth()).GET(req);

// better-auth parses the whole body; sign-in needs a few hundred bytes, so more is refused unread.
export async function POST(original: Request) {
  const req = await withBodyLimit(original, AUTH_BODY_MAX_BYTES);
  if (req instanceof Response) return req;
  return toNextJsHandler(getAuth()).POST(req);
}
