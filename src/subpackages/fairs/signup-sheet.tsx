import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { SignupSheet } from '../../components/signups/signup-sheet';
import { signUp, type FairDetail, type SignupResult } from '../../services/fairs';

interface FairSignupSheetProps {
  fair: FairDetail;
  /** Prefilled from the profile (users.me). */
  name?: string;
  phone?: string;
  /** The subscribe-message template for fair reminders and waitlist news. */
  templateId: string;
  onDone: (result: SignupResult) => void;
  onClose: () => void;
}

/** The second tap of a sign-up: name and phone are already there, positions and the reminder are optional. */
export function FairSignupSheet({ fair, name, phone, templateId, onDone, onClose }: FairSignupSheetProps) {
  const [positions, setPositions] = useState<string[]>([]);
  const offered = fair.employers.flatMap((e) => e.positions);

  return (
    <SignupSheet
      event={fair}
      title="确认报名"
      name={name}
      phone={phone}
      phoneHint="只给主办单位联系您用"
      remind={{ templateId, title: '前一天提醒我', desc: '通过微信服务通知提醒，候补转正式时也会通知您', refused: '没有开启提醒' }}
      idPrefix="fair"
      send={(input) => signUp({ fairId: fair.id, ...input, positions })}
      onDone={onDone}
      onClose={onClose}
    >
      {(errors) =>
        offered.length > 0 ? (
          <Field name="positions" label="感兴趣的岗位（可不选）" error={errors.positions}>
            <ChoiceChips
              multiple
              choices={offered.map((p) => ({ value: p.id, label: p.title }))}
              value={positions}
              onChange={setPositions}
            />
          </Field>
        ) : null
      }
    </SignupSheet>
  );
}
