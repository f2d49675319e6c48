/**
 * A picture under construction: an SVG document whose gradients, blurs and
 * clip paths are collected in one <defs> with ids numbered per picture.
 */
import type { Rng } from '../lib/prng.ts';
import { dec, type Point } from './svg.ts';

/** Size of the top photos and body figures, in px. */
export const W = 1600;
export const H = 900;

/** Gradient stop: offset 0..1, colour, optional opacity. */
export type Stop = [number, string] | [number, string, number];

/** Draws one picture into an empty scene, with randomness seeded by the picture's name. */
export type DrawPicture = (scene: Scene, rng: Rng) => void;

export class Scene {
  width: number;
  height: number;
  defs: string[] = [];
  body: string[] = [];
  idCount = 0;
  blurIds = new Map<number, string>();

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
  }

  add(...parts: string[]): void {
    this.body.push(...parts);
  }

  newId(prefix: string): string {
    this.idCount += 1;
    return `${prefix}${this.idCount}`;
  }

  /** Gradient between two points; userSpace=false means 0..1 of the shape's bounding box. */
  linearGradient(stops: Stop[], from: Point = [0, 0], to: Point = [0, 1], userSpace = false): string {
    const id = this.newId('lg');
    const units = userSpace ? ' gradientUnits="userSpaceOnUse"' : '';
    this.defs.push(
      `<linearGradient id="${id}" x1="${dec(from[0])}" y1="${dec(from[1])}" x2="${dec(to[0])}" y2="${dec(to[1])}"${units}>${stopTags(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  verticalGradient(stops: Stop[], top: number, bottom: number): string {
    return this.linearGradient(stops, [0, top], [0, bottom], true);
  }

  radialGradient(stops: Stop[], center: Point = [0.5, 0.5], radius = 0.5, userSpace = false): string {
    const id = this.newId('rg');
    const units = userSpace ? ' gradientUnits="userSpaceOnUse"' : '';
    this.defs.push(
      `<radialGradient id="${id}" cx="${dec(center[0])}" cy="${dec(center[1])}" r="${dec(radius)}"${units}>${stopTags(stops)}</radialGradient>`,
    );
    return `url(#${id})`;
  }

  /** Returns a `filter="..."` attribute for a Gaussian blur (one filter per strength). */
  blur(strength: number): string {
    let id = this.blurIds.get(strength);
    if (!id) {
      id = this.newId('blur');
      this.blurIds.set(strength, id);
      this.defs.push(
        `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${dec(strength)}"/></filter>`,
      );
    }
    return `filter="url(#${id})"`;
  }

  /** Returns a `clip-path="..."` attribute clipping to the given shape markup. */
  clip(shapeMarkup: string): string {
    const id = this.newId('clip');
    this.defs.push(`<clipPath id="${id}">${shapeMarkup}</clipPath>`);
    return `clip-path="url(#${id})"`;
  }

  toSvg(): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">` +
      `<defs>${this.defs.join('')}</defs>${this.body.join('')}</svg>`
    );
  }
}

function stopTags(stops: Stop[]): string {
  return stops
    .map(([offset, color, alpha]) => `<stop offset="${dec(offset)}" stop-color="${color}"${alpha === undefined ? '' : ` stop-opacity="${dec(alpha)}"`}/>`)
    .join('');
}
