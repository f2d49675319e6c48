/** What the validator hands the build: each file's checked data, and the report of a whole run. */
import type { Diagnostic } from '../diagnostics.ts';
import type { InternalLink } from '../body-checks.ts';
import type { ArticleFrontmatter, AuthorFrontmatter, PageFrontmatter, Section, Series, SiteConfig } from '../schema/index.ts';

export interface ArticleRecord {
  slug: string;
  /** Path as shown in messages. */
  file: string;
  absolutePath: string;
  /** Frontmatter exactly as the editor wrote it (dates as text), for Astro's own schema pass. */
  raw: Record<string, unknown>;
  data: ArticleFrontmatter;
  /**
   * The Markdown body. Read from the file when first asked for if the
   * findings came from the cache: a build whose bodies are all rendered
   * already never reads them.
   */
  readonly body: string;
  /** Digest of the body's text: what the render cache keys it by. */
  bodyDigest: string;
  bodyLine: number;
  /** Body photos (`::figure` src, as written, relative to the file). */
  figures: string[];
  /** Root-relative links of the body. */
  internalLinks: InternalLink[];
}

export interface AuthorRecord {
  id: string;
  file: string;
  absolutePath: string;
  raw: Record<string, unknown>;
  data: AuthorFrontmatter;
  body: string;
}

/** A site page of `content/pages/` (About, Masthead...). */
export interface PageRecord {
  slug: string;
  file: string;
  absolutePath: string;
  raw: Record<string, unknown>;
  data: PageFrontmatter;
  body: string;
  bodyLine: number;
  /** Body photos (`::figure` src, as written, relative to the file). */
  figures: string[];
  /** Root-relative links of the body. */
  internalLinks: InternalLink[];
}

export interface ContentReport {
  contentDir: string;
  site?: SiteConfig;
  sections: Section[];
  /** The series of content/series.yaml, in file order; none when the file does not exist. */
  series: Series[];
  authors: AuthorRecord[];
  pages: PageRecord[];
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
  filesChecked: number;
}
