// JSON objects as api.github.com renders them (users, repositories, issue comments, pull requests), complete
// enough to satisfy the response schemas of GitHub's OpenAPI description.

export interface Urls {
  /** API base, e.g. http://127.0.0.1:1234 (GITHUB_API_URL). */
  readonly api: string;
  /** Web base, e.g. https://github.com (GITHUB_SERVER_URL). */
  readonly web: string;
}

export type UserType = 'User' | 'Bot' | 'Organization';

export interface UserRecord {
  readonly login: string;
  readonly id: number;
  readonly type: UserType;
  readonly name?: string;
}

/** GitHub Actions' own app: the author of comments made with GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: UserRecord = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function nodeId(prefix: string, id: number): string {
  return Buffer.from(`${prefix}${id}`).toString('base64').replace(/=+$/, '');
}

export function simpleUser(u: UserRecord, urls: Urls): Record<string, unknown> {
  const login = encodeURIComponent(u.login);
  const api = `${urls.api}/users/${login}`;
  const bot = u.type === 'Bot';
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(bot ? '03:Bot' : '04:User', u.id),
    avatar_url: bot
      ? `https://avatars.githubusercontent.com/in/${u.id % 100000}?v=4`
      : `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot
      ? `${urls.web}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}`
      : `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GET /user for a user token: the private view. */
export function privateUser(u: UserRecord, urls: Urls, created: string): Record<string, unknown> {
  return {
    ...simpleUser(u, urls),
    user_view_type: 'private',
    name: u.name ?? u.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    notification_email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 3,
    public_gists: 0,
    followers: 1,
    following: 0,
    created_at: created,
    updated_at: created,
    private_gists: 0,
    total_private_repos: 1,
    owned_private_repos: 1,
    disk_usage: 1024,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { collaborators: 0, name: 'pro', space: 976562499, private_repos: 9999 },
  };
}

export interface RepoRecord {
  readonly owner: UserRecord;
  readonly name: string;
  readonly id: number;
  readonly defaultBranch: string;
  readonly fork: boolean;
  readonly private: boolean;
}

export function repository(r: RepoRecord, urls: Urls, created: string): Record<string, unknown> {
  const full = `${r.owner.login}/${r.name}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}`;
  const host = new URL(urls.web).host;
  return {
    id: r.id,
    node_id: nodeId('010:Repository', r.id),
    name: r.name,
    full_name: full,
    owner: simpleUser(r.owner, urls),
    private: r.private,
    html_url: html,
    description: null,
    fork: r.fork,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 180,
    default_branch: r.defaultBranch,
    open_issues_count: 1,
    open_issues: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.private ? 'private' : 'public',
    pushed_at: created,
    created_at: created,
    updated_at: created,
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

export interface CommentRecord {
  readonly id: number;
  readonly issueNumber: number;
  readonly user: UserRecord;
  body: string;
  readonly createdAt: string;
  updatedAt: string;
  /** Bodies before each update, oldest first. */
  readonly history: string[];
}

function integration(urls: Urls, created: string): Record<string, unknown> {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: simpleUser({ login: 'github', id: 9919, type: 'Organization' }, urls),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${urls.web}/apps/github-actions`,
    created_at: created,
    updated_at: created,
    permissions: { issues: 'write', pull_requests: 'write', metadata: 'read', contents: 'read' },
    events: [],
  };
}

export function issueComment(
  c: CommentRecord,
  repo: RepoRecord,
  urls: Urls,
  isPull: boolean,
): Record<string, unknown> {
  const full = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  return {
    id: c.id,
    node_id: nodeId('012:IssueComment', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${full}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(c.user, urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${api}/issues/${c.issueNumber}`,
    author_association:
      c.user.type === 'Bot' ? 'NONE' : c.user.login === repo.owner.login ? 'OWNER' : 'MEMBER',
    performed_via_github_app:
      c.user.login === GITHUB_ACTIONS_BOT.login ? integration(urls, c.createdAt) : null,
    reactions: {
      url: `${api}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}

export interface PullRecord {
  readonly number: number;
  readonly id: number;
  readonly title: string;
  readonly user: UserRecord;
  readonly headRepo: RepoRecord;
  readonly headRef: string;
  readonly headSha: string;
  readonly baseRef: string;
  readonly baseSha: string;
  state: 'open' | 'closed';
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Commits on the PR branch (headSha is always one of them). */
  readonly commits: readonly string[];
  readonly createdAt: string;
}

export function pullRequestSimple(
  p: PullRecord,
  base: RepoRecord,
  urls: Urls,
  created: string,
): Record<string, unknown> {
  const full = `${base.owner.login}/${base.name}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}/pull/${p.number}`;
  const link = (href: string): { href: string } => ({ href });
  return {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: nodeId('011:PullRequest', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(p.user, urls),
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.mergedAt ?? p.createdAt,
    closed_at: p.state === 'closed' ? (p.mergedAt ?? p.createdAt) : null,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${p.headRepo.owner.login}:${p.headRef}`,
      ref: p.headRef,
      sha: p.headSha,
      user: simpleUser(p.headRepo.owner, urls),
      repo: repository(p.headRepo, urls, created),
    },
    base: {
      label: `${base.owner.login}:${p.baseRef}`,
      ref: p.baseRef,
      sha: p.baseSha,
      user: simpleUser(base.owner, urls),
      repo: repository(base, urls, created),
    },
    _links: {
      self: link(`${api}/pulls/${p.number}`),
      html: link(html),
      issue: link(`${api}/issues/${p.number}`),
      comments: link(`${api}/issues/${p.number}/comments`),
      review_comments: link(`${api}/pulls/${p.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${p.number}/commits`),
      statuses: link(`${api}/statuses/${p.headSha}`),
    },
    author_association: p.user.login === base.owner.login ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
}
