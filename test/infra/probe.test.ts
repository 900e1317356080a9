import { it } from 'vitest';
import { synthesizePlatform } from './support/synth.ts';

it('probes', () => {
  let t = Date.now();
  const s = synthesizePlatform();
  console.log('full', Date.now() - t, s.app.outdir);
  t = Date.now();
  const n = synthesizePlatform({ bundle: false });
  console.log('nobundle', Date.now() - t);
  console.log(JSON.stringify(n.template('workflow').findResources('AWS::Lambda::Function')).slice(0, 600));
  s.dispose(); n.dispose();
}, 120000);
