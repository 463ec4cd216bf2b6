import { IdParams } from '../../../contracts/common.ts';
import { ConsentList, MergeInput, PeoplePage, PeopleQuery, Person, PersonInput, PersonPatch } from '../../../contracts/people.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createPerson } from './create-person.ts';
import { getPerson, listConsents } from './get-person.ts';
import { mergePeople } from './merge-people.ts';
import { searchPeople } from './search-people.ts';
import { updatePerson } from './update-person.ts';

const tags = ['people'];

export const peopleRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/people', tags, summary: 'Search community members by name (Hangul or romanized) or phone',
    policy: { action: 'people.read' }, query: PeopleQuery, response: PeoplePage,
    handler: ({ ctx, query }) => searchPeople({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/people', tags, summary: 'Add a community member',
    policy: { action: 'people.write' }, body: PersonInput, response: Person, status: 201,
    handler: ({ ctx, body }) => createPerson({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/people/:id', tags, summary: 'One community member (audited read)',
    policy: { action: 'people.read', hideAs404: true }, params: IdParams, response: Person,
    handler: ({ ctx, params }) => getPerson({ ctx, input: params }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/people/:id', tags, summary: 'Edit a community member (send the version you saw)',
    policy: { action: 'people.write', hideAs404: true }, params: IdParams, body: PersonPatch, response: Person,
    handler: ({ ctx, params, body }) => updatePerson({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/people/:id/merge', tags, summary: 'Merge a duplicate record into this one',
    policy: { action: 'people.merge', hideAs404: true }, params: IdParams, body: MergeInput, response: Person,
    handler: ({ ctx, params, body }) => mergePeople({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/people/:id/consents', tags, summary: "A member's consent ledger",
    policy: { action: 'people.read', hideAs404: true }, params: IdParams, response: ConsentList,
    handler: ({ ctx, params }) => listConsents({ ctx, input: params }),
  }),
];
