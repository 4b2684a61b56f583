import { describe, expect, it } from 'vitest';

import { languageLabel, languageMismatch, primaryLanguage } from '../../../../evaluators/lib/text-language.js';

const english =
  'The city government publishes its policy documents, interpretations and service guides on this website, and answers the letters the public sends to the mayor within ten working days.';
const french = 'Le bureau municipal publie les documents de politique, leurs explications et les guides des services publics.';
const german = 'Die Stadtverwaltung veröffentlicht auf dieser Seite ihre Verordnungen, Erläuterungen und Hinweise für Bürger.';

describe('the declared language against the text', () => {
  it('a text both detectors read as another language than its lang is a mismatch, named', () => {
    expect(languageMismatch('fr', english)).toMatchObject({ declared: 'fr', detected: 'en' });
    expect(languageMismatch('en-GB', french)).toMatchObject({ declared: 'en', detected: 'fr' });
    expect(languageMismatch('ru', german)).toMatchObject({ declared: 'ru', detected: 'de' });
  });

  it('the language it is in, however the tag is written, is no mismatch', () => {
    expect(languageMismatch('EN', english)).toBeNull();
    expect(languageMismatch('fr-CA', french)).toBeNull();
    expect(languageMismatch('deu', german)).toBeNull();
  });

  it('Chinese, Japanese and Korean are the script checks’ to judge: neither declared nor in the text', () => {
    expect(languageMismatch('zh-CN', english)).toBeNull();
    expect(languageMismatch('zh_CN', english)).toBeNull();
    expect(languageMismatch('en', '市人民政府办公室主办的网站发布政策文件和办事指南')).toBeNull();
    expect(languageMismatch('fr', `${english} 政府信息公开`)).toBeNull();
  });

  it('short names, pinyin and brand names read as several languages: left alone', () => {
    for (const text of ['Xi Jinping Li Qiang', 'Zhongnanhai Beijing Tianjin Hebei', 'Windows Media Player', 'Email', 'Copyright © 2026 All Rights Reserved'])
      expect(languageMismatch('en', text), text).toBeNull();
    expect(languageMismatch('de', 'Bundesministerium für Bildung und Forschung')).toBeNull();
    // Both detectors agree on these, wrongly: under four distinct words only a text they are sure of is judged.
    for (const text of ['Link 1 Button1 Link 2', 'W3C logo (W3C Logo)', 'Best W3C logo:']) expect(languageMismatch('en', text), text).toBeNull();
    expect(languageMismatch('nl', 'Bonne année !')).toMatchObject({ detected: 'fr' });
  });

  it('a few words the detectors cannot weigh are English when each is an English word and tinyld leans English', () => {
    expect(languageMismatch('fr', 'Lantern festival on the river')).toMatchObject({ declared: 'fr', detected: 'en' });
    expect(languageMismatch('es', 'Harbour lights at dusk')).toMatchObject({ detected: 'en' });
    // One word in six may be another language's: the word an English sentence quotes.
    expect(languageMismatch('da', 'The Danish word "hygge" has no exact translation in English.')).toMatchObject({ detected: 'en' });
  });

  it('words that are not all English, or that the detector reads as the declared language, are left alone', () => {
    expect(languageMismatch('en', 'Lantern festival on the river')).toBeNull();
    expect(languageMismatch('fr', 'Fête des lanternes sur la rivière')).toBeNull();
    expect(languageMismatch('fr', 'Service public national')).toBeNull();
    // Pinyin names are no English words.
    expect(languageMismatch('fr', 'Tianjin Binhai New Area')).toBeNull();
    expect(languageMismatch('de', 'Zhang Wei Li Na Wang Fang')).toBeNull();
    // Two words are a name or a label.
    expect(languageMismatch('fr', 'Harbour lights')).toBeNull();
  });

  it('languages the detectors do not know, and languages too close to tell, are not judged', () => {
    expect(languageMismatch('cy', english)).toBeNull();
    expect(languageMismatch('nb', 'Kommunen publiserer forskrifter og veiledninger for innbyggerne på denne siden hver uke.')).toBeNull();
    expect(languageMismatch('', english)).toBeNull();
  });

  it('tags to primary subtags, languages to Chinese names', () => {
    expect(primaryLanguage(' EN-gb ')).toBe('en');
    expect(primaryLanguage('nld')).toBe('nl');
    expect(primaryLanguage('zh_CN')).toBe('zh');
    expect(languageLabel('fr')).toBe('法语（fr）');
    expect(languageLabel('hu')).toBe('Hungarian（hu）');
  });
});
