// Local GitHub REST endpoint for action tests: the endpoints the action calls (GET /user, issue comments
// list/create/update, commits → pulls) with state, each request checked against GitHub's OpenAPI description
// (__tests__/fixtures/github-openapi, from @octokit/openapi) and each response against its schema.
// Implementation: ./github/.
//
//   const gh = await startGithubServer({ tokenKind: 'installation' });
//   const pr = gh.addPullRequest({ headSha: 'abc…' });
//   … run the action with gh.env() …
//   expect(gh.violations, gh.formatViolations()).toEqual([]);
//   await gh.close();
export { GithubServer, ROUTES, startGithubServer } from './github/server.js';
export type {
  GithubFault,
  GithubRequest,
  GithubServerOptions,
  GithubViolation,
  TokenKind,
} from './github/server.js';
export { GITHUB_ACTIONS_BOT } from './github/objects.js';
export type { CommentRecord, PullRecord, UserRecord } from './github/objects.js';
export { loadGithubDescription, validateSchema } from './github/openapi.js';
