/** A simple perspective camera, for pictures with depth: halls, ponds, locks, plains. */
import type { Point } from './svg.ts';

/** A point in the world: x right, y up, z away from the viewer. */
export type Point3 = [number, number, number];

export type Camera = { cx: number; cy: number; focal: number; eyeX: number; eyeY: number };

/** World: x right, y up, z away from the viewer. */
export function project(camera: Camera, [x, y, z]: Point3): Point {
  return [camera.cx + ((x - camera.eyeX) * camera.focal) / z, camera.cy - ((y - camera.eyeY) * camera.focal) / z];
}

export function projectAll(camera: Camera, points: Point3[]): Point[] {
  return points.map((p) => project(camera, p));
}

/** Screen size of a world length at depth z. */
export function scaleAt(camera: Camera, z: number): number {
  return camera.focal / z;
}
