import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { type Reminder, type ReminderKind, reminderName } from '../domain/cases/reminders.ts';

/** The source and detail-type of a reminder when it fires on the hub. */
export const REMINDER_SOURCE = 'tongban.clock';
export const REMINDER_DUE = 'Case Reminder Due';

/**
 * A case's reminders as one-time EventBridge Scheduler schedules that put an event on the hub at 00:00 China
 * time of their day. They delete themselves once fired; a planned one is replaced, one no longer needed deleted.
 */
export class ReminderSchedules {
  constructor(
    private readonly scheduler: SchedulerClient,
    /** `deadLetterArn`: where a reminder goes that could not be put on the hub after its retries (alarmed). */
    private readonly target: { hubBusArn: string; roleArn: string; deadLetterArn?: string },
  ) {}

  async put(caseId: string, handlingRegion: string, reminder: Reminder): Promise<void> {
    const schedule = {
      Name: reminderName(caseId, reminder.kind),
      ScheduleExpression: `at(${reminder.day}T00:00:00)`,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      ActionAfterCompletion: 'DELETE' as const,
      Target: {
        Arn: this.target.hubBusArn,
        RoleArn: this.target.roleArn,
        EventBridgeParameters: { Source: REMINDER_SOURCE, DetailType: REMINDER_DUE },
        // The scheduled time, not the time of delivery, is the day the reminder judges the case on.
        Input: JSON.stringify({
          caseId,
          kind: reminder.kind,
          handlingRegion,
          scheduledTime: '<aws.scheduler.scheduled-time>',
        }),
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
        ...(this.target.deadLetterArn ? { DeadLetterConfig: { Arn: this.target.deadLetterArn } } : {}),
      },
    };
    try {
      await this.scheduler.send(new CreateScheduleCommand(schedule));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      await this.scheduler.send(new UpdateScheduleCommand(schedule));
    }
  }

  async remove(caseId: string, kind: ReminderKind): Promise<void> {
    try {
      await this.scheduler.send(new DeleteScheduleCommand({ Name: reminderName(caseId, kind) }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
