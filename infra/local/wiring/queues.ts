import type { TemplateModel } from '../assembly/model.ts';

export function queuesOf(model: TemplateModel) {
  return model.ofType('AWS::SQS::Queue').map((q) => ({
    name: String(model.getAtt(q, 'QueueName')),
    arn: String(model.getAtt(q, 'Arn')),
    url: model.ref(q),
  }));
}
