/**
 * Files: uploads and file_ids for documents and photos (several PhotoSizes per photo, like Telegram),
 * and getFile.
 */
import { mimeFromName } from "../multipart.js";
import { imageInfo } from "../state.js";
import { badRequest, type Json, type StoredFile, type UploadedFile } from "../types.js";
import { isUpload, str, type ApiHost, type Handler } from "./host.js";

export function storeUpload(h: ApiHost, upload: UploadedFile, kind: StoredFile["kind"], dims?: { width: number; height: number }): StoredFile {
  if (upload.size === 0) throw badRequest("file must be non-empty");
  const mimeType = kind === "photo" ? "image/jpeg" : mimeFromName(upload.fileName, upload.mimeType);
  return h.files.put({ bytes: upload.bytes, fileName: upload.fileName, mimeType, kind, ...dims });
}

export function documentJson(f: StoredFile): Json {
  return { file_name: f.fileName, mime_type: f.mimeType, file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size };
}

export function resolveDocument(h: ApiHost, value: unknown, field: string): StoredFile {
  if (value === undefined || value === null || value === "") throw badRequest(`there is no ${field} in the request`);
  if (isUpload(value)) return storeUpload(h, value, "document");
  if (typeof value !== "string") throw badRequest(`wrong file identifier/HTTP URL specified`);
  const existing = h.files.get(value);
  if (existing) {
    if (existing.kind === "photo") throw badRequest("can't use file of type Photo as Document");
    return existing;
  }
  if (/^https?:\/\//i.test(value)) {
    const name = decodeURIComponent(new URL(value).pathname.split("/").pop() || "file");
    return h.files.put({ bytes: Buffer.alloc(0), fileName: name, mimeType: mimeFromName(name), kind: "document" });
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

/** Stores an image as Telegram does (several PhotoSizes, each with its own file_id); 400 if it is no image. */
export function photoSizes(h: ApiHost, upload: UploadedFile): Json[] {
  const info = imageInfo(upload.bytes);
  if (!info) throw badRequest("IMAGE_PROCESS_FAILED");
  if (upload.size > 10 * 1024 * 1024) throw badRequest("PHOTO_INVALID_DIMENSIONS");
  const w = info.width || 800;
  const hgt = info.height || 600;
  const longest = Math.max(w, hgt);
  const targets = [90, 320, 800].filter((t) => t < longest);
  targets.push(Math.min(longest, 1280));
  const sizes: Json[] = [];
  for (const t of targets) {
    const scale = t / longest;
    const width = Math.max(1, Math.round(w * scale));
    const height = Math.max(1, Math.round(hgt * scale));
    const f = storeUpload(h, upload, "photo", { width, height });
    sizes.push({ file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: f.size, width, height });
  }
  for (const s of sizes) h.photoSets.set(s.file_id as string, sizes);
  return sizes;
}

export function resolvePhoto(h: ApiHost, value: unknown): Json[] {
  if (value === undefined || value === null || value === "") throw badRequest("there is no photo in the request");
  if (isUpload(value)) return photoSizes(h, value);
  if (typeof value !== "string") throw badRequest("wrong file identifier/HTTP URL specified");
  const set = h.photoSets.get(value);
  if (set) return set;
  if (h.files.get(value)) throw badRequest("can't use file of type Document as Photo");
  if (/^https?:\/\//i.test(value)) {
    const f = h.files.put({ bytes: Buffer.alloc(0), fileName: "photo.jpg", mimeType: "image/jpeg", kind: "photo", width: 800, height: 600 });
    const sizes = [{ file_id: f.fileId, file_unique_id: f.fileUniqueId, file_size: 0, width: 800, height: 600 }];
    h.photoSets.set(f.fileId, sizes);
    return sizes;
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

export const fileMethods: Record<string, Handler> = {
  getFile: (h, p) => {
    const id = str(p, "file_id");
    const file = id ? h.files.get(id) : undefined;
    if (!file) throw badRequest("invalid file_id");
    if (file.size > 20 * 1024 * 1024) throw badRequest("file is too big");
    return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
  },
};
