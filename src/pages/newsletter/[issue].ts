// The weekly newsletter, built only when `npm run newsletter` asks for a week
// (src/data/newsletter.ts): dist/newsletter/<week>.html and <week>.txt.
import type { APIRoute, GetStaticPaths } from 'astro';
import { newsletterIssue } from '../../data/newsletter.ts';
import { pageKey } from '../../data/page-keys.ts';
import { formatIsoWeek, newsletterHtml, newsletterText, type NewsletterIssue } from '../../lib/distribution/newsletter.ts';

export const getStaticPaths = (() => {
  const issue = newsletterIssue;
  if (!issue || (issue.sections.length === 0 && issue.shortTakes.length === 0)) return [];
  const week = formatIsoWeek(issue.range.week);
  return (['html', 'txt'] as const).map((format) => ({ params: { issue: `${week}.${format}` }, props: { issue, format }, cacheKey: pageKey('newsletter', format, issue) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { issue, format } = props as { issue: NewsletterIssue; format: 'html' | 'txt' };
  return format === 'html'
    ? new Response(newsletterHtml(issue), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
    : new Response(newsletterText(issue), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
