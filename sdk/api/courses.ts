/** `courses`: digital-skills courses run at the locations. */
import type * as z from 'zod/mini';
import type { Http } from '../http.js';
import { createCourse, deleteCourse, getCourse, listCourses, updateCourse } from '../operations/courses.js';
import type { Course, CourseInput, CourseListQuery, CoursePatch } from '../schemas/resources.js';
import { resource, type Resource } from './resource.js';

/** Digital-skills courses run at the locations. */
export type CoursesApi = Resource<Course, CourseInput, CoursePatch, z.input<typeof CourseListQuery>>;

/** The `courses` namespace of a client over `http`. */
export function coursesApi(http: Http): CoursesApi {
  return resource(http, listCourses, getCourse, createCourse, updateCourse, deleteCourse) as CoursesApi;
}
