import { BaseGeography } from '/work/main/scripts/plan/base-geography.ts';
const b = new BaseGeography();
for (const [code, f] of b.counties) { if (['5101','5106','5107','5109','5111','5114','5118','5120'].includes(code.slice(0,4))) { const s=b.seats.get(code); console.log(code, f.properties.name_zh, s? s.geometry.coordinates.map(x=>x.toFixed(4)).join(','):'-'); } }
for (const c of ['510100','510600','510700','510900','511100','511400','511800','512000']) { const s=b.seats.get(c); console.log(c, b.nameOf(c), s?.geometry.coordinates.map(x=>x.toFixed(4)).join(',')); }
