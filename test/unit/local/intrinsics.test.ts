import { describe, expect, it } from 'vitest';
import { type IntrinsicContext, resolveIntrinsics } from '../../../infra/local/assembly/intrinsics.ts';
import { UnsupportedTemplatePropertyError } from '../../../infra/local/errors.ts';

const ctx: IntrinsicContext = {
  stackName: 'app',
  ref: (id) => ({ 'AWS::Region': 'cn-northwest-1', 'AWS::AccountId': '000000000000', Table: 'cases' })[id],
  getAtt: (id, attr) => `${id}.${attr}`,
  importValue: (name) => (name === 'shared-bus' ? 'hub' : undefined),
  condition: (name) => name === 'IsProd',
  findInMap: (map, top, second) => `${map}/${top}/${second}`,
};
const resolve = (value: unknown) => resolveIntrinsics(value, ctx, 'app/Res.Prop');

describe('resolving intrinsic functions as CloudFormation does', () => {
  it('resolves Ref, Fn::GetAtt in both forms and Fn::Join', () => {
    expect(resolve({ Ref: 'Table' })).toBe('cases');
    expect(resolve({ 'Fn::GetAtt': ['Fn', 'Arn'] })).toBe('Fn.Arn');
    expect(resolve({ 'Fn::GetAtt': 'Fn.Arn' })).toBe('Fn.Arn');
    expect(resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Table' }]] })).toBe('a-cases');
  });

  it('resolves Fn::Sub with pseudo parameters, attributes, variables and ${!literals}', () => {
    expect(resolve({ 'Fn::Sub': 'arn:${AWS::Region}:${Table}:${Fn.Arn}:${!Keep}' })).toBe(
      'arn:cn-northwest-1:cases:Fn.Arn:${Keep}',
    );
    expect(resolve({ 'Fn::Sub': ['${X}-${Table}', { X: { Ref: 'AWS::AccountId' } }] })).toBe(
      '000000000000-cases',
    );
  });

  it('resolves Fn::Select over Fn::Split, as CDK does for API domains', () => {
    expect(resolve({ 'Fn::Select': [2, { 'Fn::Split': ['/', 'https://abc.execute-api/x'] }] })).toBe(
      'abc.execute-api',
    );
  });

  it('resolves Fn::ImportValue, Fn::If and Fn::FindInMap', () => {
    expect(resolve({ 'Fn::ImportValue': 'shared-bus' })).toBe('hub');
    expect(resolve({ 'Fn::If': ['IsProd', 'a', 'b'] })).toBe('a');
    expect(resolve({ 'Fn::FindInMap': ['M', 'k1', 'k2'] })).toBe('M/k1/k2');
  });

  it('drops a property set to AWS::NoValue', () => {
    expect(resolve({ keep: 1, drop: { Ref: 'AWS::NoValue' } })).toEqual({ keep: 1 });
  });

  it('stops at an intrinsic it cannot emulate, naming the resource and property', () => {
    expect(() => resolve({ nested: { 'Fn::Transform': {} } })).toThrow(UnsupportedTemplatePropertyError);
    expect(() => resolve({ nested: { 'Fn::Transform': {} } })).toThrow(/app\/Res.*Prop\.nested/);
  });
});
