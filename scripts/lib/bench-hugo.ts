/**
 * A minimal Hugo site over the benchmark corpus, for `npm run bench -- --compare hugo`:
 * the anchor a publication would weigh Broadsheet against. Article pages, a
 * paginated home list and section lists, no theme, no images processed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function buildHugoSite(corpusDir: string, contentDir: string): string {
  const site = path.join(corpusDir, 'hugo-site');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), text);
  };
  write(
    'hugo.yaml',
    [
      'baseURL: https://meridian-review.example/',
      'title: The Meridian Review',
      `contentDir: ${path.join(contentDir, 'articles')}`,
      'disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT]',
      'pagination: { pagerSize: 20 }',
      // Our frontmatter's `type` is the article type, not a Hugo layout; the dates are `published`.
      'frontmatter: { date: [published] }',
      '',
    ].join('\n'),
  );
  const base = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n';
  write('layouts/_default/baseof.html', base);
  write('layouts/_default/single.html', '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.dek }}</p>{{ .Content }}</article>{{ end }}\n');
  write('layouts/_default/list.html', '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range (.Paginate .RegularPagesRecursive).Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>{{ end }}{{ end }}\n');
  write('layouts/index.html', '{{ define "main" }}{{ range (.Paginate site.RegularPages).Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ end }}{{ end }}\n');
  return site;
}
