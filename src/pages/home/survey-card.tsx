import { Button, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { markSurveyDone, surveysDone } from '../../lib/survey-done';
import { getSurvey, type ResidentSurvey } from '../../services/survey';

/**
 * The 双拥办's questionnaire, offered once: to a resident who has not answered it, until they answer it or
 * say no. The questions themselves are in the profile subpackage; this card is all 首页 carries.
 */
export function SurveyCard() {
  const [offer, setOffer] = useState<ResidentSurvey | null>(null);

  useEffect(() => {
    getSurvey().then(
      (s) => setOffer(s.survey && s.mayAnswer && !surveysDone().includes(s.survey.id) ? s.survey : null),
      // Offline, or no one signed in: nothing to offer, nothing to say.
      () => setOffer(null),
    );
  }, []);
  // Back from the questionnaire: answered there, gone here.
  useDidShow(() => {
    if (offer && surveysDone().includes(offer.id)) setOffer(null);
  });

  if (!offer) return null;
  const decline = () => {
    markSurveyDone(offer.id);
    setOffer(null);
  };
  return (
    <View className="section" id="survey-card">
      <View className="card card--padded">
        <View className="list-item__title">{offer.title}</View>
        <View className="list-item__desc">{offer.intro || `${offer.questions.length} 道选择题，不记名，约一分钟。`}</View>
        <View style={{ display: 'flex', gap: '12px', marginTop: '12px' }}>
          <Button
            className="btn btn--primary"
            id="survey-card-open"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/profile/survey' })}
          >
            去填写
          </Button>
          <Button className="btn btn--ghost" id="survey-card-decline" onClick={decline}>
            不了，谢谢
          </Button>
        </View>
      </View>
    </View>
  );
}
