/**
 * Lets the person pick up to `count` pictures from the album or the camera, compressed. weapp:
 * wx.chooseMedia with mediaType ['image'] (wx.chooseImage is deprecated); h5: taro-h5's chooseImage, whose
 * files keep their original names. Rejects when the person closes the picker.
 */
export declare function pickImages(count: number): Promise<PickedImage[]>;

export interface PickedImage {
  /** A temp file path (weapp) or a blob: URL (h5), for uploadFile and for a preview. */
  path: string;
  /** The file's own name where the platform tells it. */
  name?: string;
}
