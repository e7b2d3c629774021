import { describeDistance, distanceMetres } from '../../core/geo';

test.each([
  ['one degree of longitude on the equator', { lat: 0, lng: 0 }, { lat: 0, lng: 1 }, 111_195],
  ['one degree of latitude', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111_195],
  ['across the antimeridian', { lat: 0, lng: 179 }, { lat: 0, lng: -179 }, 222_390],
  ['equator to pole', { lat: 0, lng: 0 }, { lat: 90, lng: 0 }, 10_007_558],
  ['the same point', { lat: 30.51, lng: 114.3 }, { lat: 30.51, lng: 114.3 }, 0],
])('%s', (_what, a, b, expected) => {
  expect(Math.abs(distanceMetres(a, b) - expected)).toBeLessThanOrEqual(1);
  expect(distanceMetres(b, a)).toBe(distanceMetres(a, b));
});

test('天安门 to 上海人民广场 is about 1,067 km', () => {
  const d = distanceMetres({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 });
  expect(d).toBeGreaterThan(1_060_000);
  expect(d).toBeLessThan(1_075_000);
});

test('distances read the way people say them', () => {
  expect(describeDistance(350)).toBe('350 米');
  expect(describeDistance(1234)).toBe('1.2 公里');
  expect(describeDistance(23_456)).toBe('23 公里');
});
