/**
 * The reference the HTTP figure is quoted against: a bare Express app with JSON parsing and one
 * route answering a fixed body of about the size of our answers. Whatever our app does beyond
 * this (validation, security headers, rate limiting, retrieval, answering) is the cost measured.
 */
import express, { type Express } from 'express';

/** A bare Express app: `POST /api/ask` parses JSON and returns `responseBody` with `res.json`. */
export function createBareApp(responseBody: unknown): Express {
  const app = express();
  app.use(express.json());
  app.post('/api/ask', (request, response) => {
    // Touch the parsed body as a real route would, so parsing cannot be skipped.
    const question = typeof request.body?.question === 'string' ? request.body.question : '';
    response.json({ ...(responseBody as object), questionLength: question.length });
  });
  return app;
}
