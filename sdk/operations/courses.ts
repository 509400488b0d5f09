/** Course runs per location, with participants enrolled and completed. Staff only. */
import { IdParams } from '../schemas/common.js';
import { Course, CourseInput, CourseList, CourseListQuery, CoursePatch } from '../schemas/resources.js';

export const listCourses = {
  id: 'listCourses',
  tag: 'courses',
  method: 'get',
  path: '/api/v1/courses',
  access: 'staff',
  query: CourseListQuery,
  responses: { 200: CourseList },
} as const;

export const createCourse = {
  id: 'createCourse',
  tag: 'courses',
  method: 'post',
  path: '/api/v1/courses',
  access: 'staff',
  body: CourseInput,
  responses: { 201: Course },
  errors: [403, 422],
  etag: true,
} as const;

export const getCourse = {
  id: 'getCourse',
  tag: 'courses',
  method: 'get',
  path: '/api/v1/courses/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 200: Course },
  etag: true,
} as const;

export const updateCourse = {
  id: 'updateCourse',
  tag: 'courses',
  method: 'patch',
  path: '/api/v1/courses/{id}',
  access: 'staff',
  params: IdParams,
  body: CoursePatch,
  responses: { 200: Course },
  errors: [403, 422],
  etag: true,
} as const;

export const deleteCourse = {
  id: 'deleteCourse',
  tag: 'courses',
  method: 'delete',
  path: '/api/v1/courses/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
  errors: [403],
  etag: true,
} as const;
