import { createHash, randomBytes } from 'node:crypto';
import type { SurveyAnswer, SurveyPort, SurveyRecord } from '../../core/ledger/survey';
import { countOf, db, firstRow, pagedRows } from '../_lib/cloud';

/** The SDK's doc().get() of a document that does not exist (in a transaction too). */
const isMissing = (e: unknown) => /does not exist/.test(String((e as { errMsg?: unknown } | null)?.errMsg ?? ''));
const isConflict = (e: unknown) => (e as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';

/**
 * Who answered a questionnaire, as a one-way hash of the questionnaire and the person's OPENID: enough to
 * refuse a second answer, and nothing that leads from an answer to a person — the answers themselves are
 * kept under random ids in another collection, with their day but not their time.
 */
const takerId = (surveyId: string, openid: string) => createHash('sha256').update(`${surveyId}:${openid}`).digest('hex');

/** The questionnaire's port (core/ledger/survey.ts) over `surveys`, `survey_answers` and `survey_takers`. */
export function surveyStore(): SurveyPort {
  const d = db();
  const _ = d.command;
  const [surveys, answers, takers] = [d.collection('surveys'), d.collection('survey_answers'), d.collection('survey_takers')];
  return {
    currentSurvey: () => firstRow<SurveyRecord>(surveys.orderBy('createdAt', 'desc').limit(1)),
    async putSurvey({ _id, ...data }) {
      await surveys.doc(_id).set({ data });
    },
    answerCount: (surveyId) => countOf(answers.where({ surveyId })),
    hasAnswered: async (surveyId, openid) => (await firstRow(takers.where({ _id: takerId(surveyId, openid) }).limit(1))) !== null,
    async recordAnswer(openid, answer) {
      const marker = takerId(answer.surveyId, openid);
      // The marker and the answer in one transaction: an answer never without its marker, and two calls of
      // one person at once conflict on the marker; the one run again finds it and keeps nothing.
      for (let round = 1; ; round++) {
        try {
          return await d.runTransaction(async (t: Pick<typeof d, 'collection'>) => {
            const mine = t.collection('survey_takers').doc(marker);
            const taken = await (mine.get() as Promise<{ data: unknown }>).then(
              (r) => r.data !== null && r.data !== undefined,
              (e: unknown) => {
                if (isMissing(e)) return false;
                throw e;
              },
            );
            if (taken) return false;
            await mine.set({ data: { surveyId: answer.surveyId } });
            await t.collection('survey_answers').add({ data: { _id: randomBytes(8).toString('hex'), ...answer } });
            return true;
          }, 10);
        } catch (e) {
          if (!isConflict(e) || round >= 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
        }
      }
    },
    answersBetween: (from, to) =>
      pagedRows<SurveyAnswer>((skip, n) =>
        answers
          .where({ day: _.and(_.gte(from), _.lte(to)) })
          .orderBy('day', 'asc')
          .orderBy('_id', 'asc')
          // The id is random and says nothing; it is left out all the same.
          .field({ _id: false })
          .skip(skip)
          .limit(n),
      ),
  };
}
