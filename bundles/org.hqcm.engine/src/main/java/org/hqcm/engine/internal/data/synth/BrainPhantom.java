package org.hqcm.engine.internal.data.synth;

import java.util.SplittableRandom;

import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.TumourClass;

/**
 * A T1 contrast-enhanced-like axial brain slice: scalp, skull, CSF, cortex with gyri and sulci, white matter,
 * deep grey nuclei, lateral and third ventricles, falx, a normal enhancing pituitary gland and dural sinus,
 * grey/white texture, a smooth bias field and Rician noise, under a random pose (shift, rotation, scale,
 * mirror) and gain. Tumours:
 * <ul>
 * <li>meningioma: extra-axial, based on the inner table of the skull, well circumscribed, homogeneous, with a
 * thin CSF cleft;</li>
 * <li>glioma: intra-axial, irregular, heterogeneous enhancing rim, necrotic core (most), surrounding oedema;</li>
 * <li>pituitary: small, midline, at the sella, replacing the normal gland.</li>
 * </ul>
 * The mask is 1 exactly on the pixels painted as tumour. Rising difficulty lowers tumour contrast, shrinks
 * tumours and adds noise and bias. Normal bright structures (gland, sinus, choroid plexus) are present in every
 * class and the random pose and head size dominate global intensity statistics, so no class can be told apart
 * by mean intensity or by a fixed pixel position.
 */
public final class BrainPhantom {
    private static final double INNER_TABLE = 0.905;
    private static final double SKULL_OUTER = 0.955;

    private final int size;
    private final double difficulty;

    public BrainPhantom(int size, double difficulty) {
        if (size < 8) {
            throw new IllegalArgumentException("phantom size must be >= 8 pixels, got " + size);
        }
        if (!(difficulty >= 0 && difficulty <= 1)) {
            throw new IllegalArgumentException("difficulty must be in [0, 1], got " + difficulty);
        }
        this.size = size;
        this.difficulty = difficulty;
    }

    public int size() {
        return size;
    }

    public double difficulty() {
        return difficulty;
    }

    /** The seed of image {@code index} of class {@code cls} in a dataset with seed {@code datasetSeed}. */
    public static long imageSeed(long datasetSeed, TumourClass cls, int index) {
        long h = mix(datasetSeed ^ 0x5DEECE66DL);
        h = mix(h + (cls.ordinal() + 1) * 0x9E3779B97F4A7C15L);
        return mix(h + index);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Image {@code index} of class {@code cls} of the dataset with seed {@code datasetSeed}, as a reader would give it. */
    public RawImage rawImage(TumourClass cls, long datasetSeed, int index) {
        PhantomSlice s = generate(cls, imageSeed(datasetSeed, cls, index));
        return new RawImage(size, size, s.image(), cls == TumourClass.HEALTHY ? null : s.mask(), cls, null, null,
                GivenSplit.NONE);
    }

    /** Generates one slice from its own seed. A tumour class always gets a non-empty mask. */
    public PhantomSlice generate(TumourClass cls, long seed) {
        long s = seed;
        for (int attempt = 0; attempt < 16; attempt++) {
            PhantomSlice slice = render(cls, s);
            if (cls == TumourClass.HEALTHY || hasTumour(slice.mask())) {
                return slice;
            }
            s = mix(s + 1); // tiny images can miss every pixel centre: draw again, deterministically
        }
        throw new IllegalStateException("no tumour pixel in 16 draws of " + cls + " at " + size + " px");
    }

    private static boolean hasTumour(byte[] mask) {
        for (byte b : mask) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private PhantomSlice render(TumourClass cls, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Anatomy anatomy = new Anatomy(rng, difficulty);
        // a tumour spans at least about a pixel and a half, whatever the image size
        double minRadius = 1.5 * (2.0 / size) / anatomy.halfWidth;
        Lesion lesion = switch (cls) {
            case HEALTHY -> null;
            case MENINGIOMA -> Lesion.meningioma(rng, difficulty, minRadius);
            case GLIOMA -> Lesion.glioma(rng, difficulty, minRadius);
            case PITUITARY -> Lesion.pituitary(rng, difficulty, minRadius, anatomy.sellaU, anatomy.sellaV);
        };
        int n = size * size;
        float[] img = new float[n];
        byte[] mask = new byte[n];
        double cos = Math.cos(anatomy.rotation);
        double sin = Math.sin(anatomy.rotation);
        for (int py = 0; py < size; py++) {
            double y = (py + 0.5) / size * 2 - 1;
            for (int px = 0; px < size; px++) {
                double x = (px + 0.5) / size * 2 - 1;
                double dx = x - anatomy.centreX;
                double dy = y - anatomy.centreY;
                double u = (cos * dx + sin * dy) / anatomy.halfWidth;
                double v = (-sin * dx + cos * dy) / anatomy.halfHeight;
                if (anatomy.mirrored) {
                    u = -u;
                }
                double r = Math.sqrt(u * u + v * v);
                double value;
                if (r > 1.0) {
                    value = 0;
                } else {
                    boolean pituitaryReplacesGland = cls == TumourClass.PITUITARY;
                    value = anatomy.tissue(u, v, r, !pituitaryReplacesGland);
                    if (lesion != null) {
                        if (lesion.inside(u, v, r, anatomy)) {
                            value = lesion.paint(u, v, value, anatomy);
                            mask[py * size + px] = 1;
                        } else {
                            value = lesion.around(u, v, r, value, anatomy);
                        }
                    }
                }
                img[py * size + px] = (float) (value * anatomy.bias(x, y) * anatomy.gain);
            }
        }
        float[] blurred = partialVolume(img, size);
        addRicianNoise(blurred, anatomy.noiseSigma * anatomy.gain, rng);
        return new PhantomSlice(size, blurred, mask);
    }

    /** A light 3x3 binomial blur blended with the sharp image: edges get a pixel of partial volume. */
    private static float[] partialVolume(float[] img, int size) {
        float[] out = new float[img.length];
        for (int y = 0; y < size; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(size - 1, y + 1);
            for (int x = 0; x < size; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(size - 1, x + 1);
                float c = img[y * size + x];
                float blur = (4 * c + 2 * (img[y * size + x0] + img[y * size + x1] + img[y0 * size + x] + img[y1 * size + x])
                        + img[y0 * size + x0] + img[y0 * size + x1] + img[y1 * size + x0] + img[y1 * size + x1]) / 16f;
                out[y * size + x] = 0.6f * c + 0.4f * blur;
            }
        }
        return out;
    }

    /** Magnitude of a complex signal with Gaussian noise on both channels (Rayleigh in the background). */
    private static void addRicianNoise(float[] img, double sigma, SplittableRandom rng) {
        for (int i = 0; i < img.length; i++) {
            // Java 17's nextGaussian is a ziggurat: no logarithm or cosine per pixel
            double re = img[i] + sigma * rng.nextGaussian();
            double im = sigma * rng.nextGaussian();
            img[i] = (float) Math.sqrt(re * re + im * im);
        }
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller; one value per call keeps the stream simple and deterministic
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** The normal head of one slice: pose, tissue levels, folds, ventricles, bias, noise. */
    static final class Anatomy {
        final double centreX;
        final double centreY;
        final double rotation;
        final double halfWidth;
        final double halfHeight;
        final boolean mirrored;
        final double gain;
        final double noiseSigma;
        final double gm;
        final double wm;
        final double csf;
        final double skull;
        final double scalp;
        final double brainEdge;
        final double cortexDepth;
        final int[] gyrusFreq = new int[3];
        final double[] gyrusPhase = new double[3];
        final double[] gyrusAmp = new double[3];
        final int sulcusFreq;
        final double sulcusPhase;
        final double ventricleScale;
        final double sellaU;
        final double sellaV;
        final double glandRadius;
        final double glandLevel;
        final double sinusLevel;
        final double plexusU;
        final double plexusV;
        final double[] bias = new double[4];
        final ValueNoise coarse;
        final ValueNoise fine;
        final AngleTable edgeTable;
        final AngleTable foldTable;

        Anatomy(SplittableRandom rng, double difficulty) {
            centreX = uniform(rng, -0.08, 0.08);
            centreY = uniform(rng, -0.08, 0.08);
            rotation = uniform(rng, -0.45, 0.45);
            double scale = uniform(rng, 0.74, 0.94);
            halfHeight = scale;
            halfWidth = scale * uniform(rng, 0.76, 0.88);
            mirrored = rng.nextBoolean();
            gain = uniform(rng, 0.75, 1.25);
            noiseSigma = 0.02 + 0.07 * difficulty;
            gm = uniform(rng, 0.42, 0.52);
            wm = uniform(rng, 0.64, 0.76);
            csf = uniform(rng, 0.07, 0.16);
            skull = uniform(rng, 0.03, 0.10);
            scalp = uniform(rng, 0.80, 0.92);
            brainEdge = uniform(rng, 0.86, 0.885);
            cortexDepth = uniform(rng, 0.10, 0.15);
            for (int i = 0; i < 3; i++) {
                gyrusFreq[i] = 10 + rng.nextInt(13);
                gyrusPhase[i] = uniform(rng, 0, 2 * Math.PI);
                gyrusAmp[i] = uniform(rng, 0.005, 0.012);
            }
            sulcusFreq = 22 + rng.nextInt(12);
            sulcusPhase = uniform(rng, 0, 2 * Math.PI);
            ventricleScale = uniform(rng, 0.6, 1.5);
            sellaU = 0.015 * gaussian(rng);
            sellaV = -uniform(rng, 0.30, 0.40);
            glandRadius = uniform(rng, 0.028, 0.045);
            glandLevel = uniform(rng, 0.66, 0.86);
            sinusLevel = uniform(rng, 0.70, 0.90);
            plexusU = uniform(rng, 0.06, 0.12) * (rng.nextBoolean() ? 1 : -1);
            plexusV = uniform(rng, 0.05, 0.15);
            double amp = 0.10 + 0.20 * difficulty;
            for (int i = 0; i < 4; i++) {
                bias[i] = uniform(rng, -amp, amp);
            }
            coarse = new ValueNoise(8, rng);
            fine = new ValueNoise(24, rng);
            edgeTable = new AngleTable(t -> brainEdge + 0.008 * Math.sin(5 * t + gyrusPhase[0]));
            foldTable = new AngleTable(t -> {
                double f = 0;
                for (int i = 0; i < 3; i++) {
                    f += gyrusAmp[i] * Math.sin(gyrusFreq[i] * t + gyrusPhase[i]);
                }
                return f;
            });
        }

        double bias(double x, double y) {
            return Math.exp(bias[0] * x + bias[1] * y + bias[2] * x * y + bias[3] * (x * x - y * y));
        }

        /** Radius where brain ends and CSF begins, at angle theta. */
        double brainRadius(double theta) {
            return edgeTable.at(theta);
        }

        /** Normal tissue value at head coordinates (u, v), radius r <= 1. */
        double tissue(double u, double v, double r, boolean withGland) {
            if (r > SKULL_OUTER) {
                return scalp * (1 + 0.06 * fine.at(u, v));
            }
            if (r > INNER_TABLE) {
                // diploic marrow between the inner and outer tables is brighter than cortical bone
                return Math.abs(r - 0.5 * (INNER_TABLE + SKULL_OUTER)) < 0.008 ? skull + 0.3 * scalp : skull;
            }
            double theta = Math.atan2(v, u);
            double edge = brainRadius(theta);
            if (r > edge) {
                // dural sinus at the posterior midline enhances in every class
                return (Math.abs(u) < 0.04 && v > 0) ? sinusLevel : csf;
            }
            if (withGland && sq(u - sellaU) + sq(v - sellaV) < sq(glandRadius)) {
                return glandLevel;
            }
            if (Math.abs(u) < 0.012 && Math.abs(v) > 0.5) {
                return csf; // interhemispheric fissure
            }
            // gyri: white-matter fingers reach into each gyrus; sulci (CSF) run in from the surface between them
            double warp = 4.0 * coarse.at(1.1 * v, 1.1 * u) + 1.2 * fine.at(0.7 * u, 0.7 * v);
            double gyrus = Math.cos(sulcusFreq * theta + sulcusPhase + warp + 40 * foldTable.at(theta));
            double finger = gyrus > 0 ? gyrus * gyrus : 0;
            double wmEdge = edge - cortexDepth * (1.25 - 0.7 * finger) + 0.02 * coarse.at(u, v);
            double texture = 1 + 0.05 * coarse.at(2 * u, 2 * v) + 0.04 * fine.at(u, v);
            if (r > wmEdge) {
                double sulcusDepth = 0.01 + 0.06 * (1 + fine.at(0.5 * v, 0.5 * u)); // some sulci are shallow
                if (gyrus < -0.88 - 0.08 * coarse.at(-u, v) && r > wmEdge + sulcusDepth) {
                    return csf; // sulcus
                }
                return gm * texture;
            }
            if (inVentricle(u, v)) {
                if (sq(u - plexusU) + sq(v - plexusV) < sq(0.03 * ventricleScale)) {
                    return glandLevel * 0.9; // choroid plexus enhances too
                }
                return csf;
            }
            // deep grey nuclei
            double nu = Math.abs(u) - 0.2;
            double nv = v - 0.06;
            if (sq(nu / 0.075) + sq(nv / 0.12) < 1) {
                return (gm * 1.08) * texture;
            }
            return wm * texture;
        }

        private boolean inVentricle(double u, double v) {
            double s = ventricleScale;
            // lateral ventricles: elongated, frontal horns diverging
            double side = Math.signum(u) == 0 ? 1 : Math.signum(u);
            double lu = Math.abs(u) - 0.085 * s;
            double lv = v + 0.02;
            double a = 0.25 * side * side; // tilt (same on both sides thanks to |u|)
            double ru = Math.cos(a) * lu + Math.sin(a) * lv;
            double rv = -Math.sin(a) * lu + Math.cos(a) * lv;
            if (sq(ru / (0.055 * s)) + sq(rv / (0.22 * (0.8 + 0.2 * s))) < 1) {
                return true;
            }
            return Math.abs(u) < 0.012 * s && Math.abs(v - 0.1) < 0.07; // third ventricle
        }
    }

    static double sq(double x) {
        return x * x;
    }

    /** A tumour: which pixels it covers, what it looks like, and what it does to tissue around it. */
    abstract static class Lesion {
        final double contrast;

        Lesion(double difficulty) {
            this.contrast = 1 - 0.65 * difficulty;
        }

        abstract boolean inside(double u, double v, double r, Anatomy anatomy);

        abstract double paint(double u, double v, double tissue, Anatomy anatomy);

        double around(double u, double v, double r, double tissue, Anatomy anatomy) {
            return tissue;
        }

        static Lesion meningioma(SplittableRandom rng, double difficulty, double minRadius) {
            return new Meningioma(rng, difficulty, minRadius);
        }

        static Lesion glioma(SplittableRandom rng, double difficulty, double minRadius) {
            return new Glioma(rng, difficulty, minRadius);
        }

        static Lesion pituitary(SplittableRandom rng, double difficulty, double minRadius, double sellaU,
                double sellaV) {
            return new Pituitary(rng, difficulty, minRadius, sellaU, sellaV);
        }
    }

    /** Extra-axial, dural-based, well circumscribed, homogeneous. */
    static final class Meningioma extends Lesion {
        private final double cu;
        private final double cv;
        private final double nu;
        private final double nv;
        private final double rt;
        private final double rn;
        private final double level;

        Meningioma(SplittableRandom rng, double difficulty, double minRadius) {
            super(difficulty);
            double theta = uniform(rng, 0, 2 * Math.PI);
            double radius = Math.max(minRadius, uniform(rng, 0.12, 0.22) * (1 - 0.45 * difficulty));
            rt = radius * uniform(rng, 1.0, 1.5);
            rn = radius * uniform(rng, 0.8, 1.1);
            nu = Math.cos(theta);
            nv = Math.sin(theta);
            double depth = INNER_TABLE - 0.35 * rn; // the centre sits just inside the dura: a broad dural base
            cu = depth * nu;
            cv = depth * nv;
            level = uniform(rng, 0.80, 0.92);
        }

        private double ellipse(double u, double v, double grow) {
            double du = u - cu;
            double dv = v - cv;
            double t = -nv * du + nu * dv;
            double n = nu * du + nv * dv;
            return sq(t / (rt * grow)) + sq(n / (rn * grow));
        }

        @Override
        boolean inside(double u, double v, double r, Anatomy anatomy) {
            return r < INNER_TABLE && ellipse(u, v, 1) <= 1;
        }

        @Override
        double paint(double u, double v, double tissue, Anatomy anatomy) {
            return tissue + contrast * (level - tissue) + 0.015 * anatomy.fine.at(u, v);
        }

        @Override
        double around(double u, double v, double r, double tissue, Anatomy anatomy) {
            // the CSF cleft that marks an extra-axial mass
            return r < INNER_TABLE && ellipse(u, v, 1.12) <= 1 ? tissue + contrast * (anatomy.csf - tissue) : tissue;
        }
    }

    /** Intra-axial, irregular, heterogeneous, with necrotic core and oedema. */
    static final class Glioma extends Lesion {
        private final double cu;
        private final double cv;
        private final double r0;
        private final double[] amp = new double[4];
        private final double[] phase = new double[4];
        private final double coreFraction;
        private final double rimLevel;
        private final double coreLevel;
        private final double oedemaReach;
        private final ValueNoise shape;

        Glioma(SplittableRandom rng, double difficulty, double minRadius) {
            super(difficulty);
            r0 = Math.max(minRadius, uniform(rng, 0.11, 0.22) * (1 - 0.45 * difficulty));
            double theta = uniform(rng, 0, 2 * Math.PI);
            double rc = Math.min(uniform(rng, 0.12, 0.58), 0.78 - 1.4 * r0);
            cu = rc * Math.cos(theta);
            cv = rc * Math.sin(theta);
            for (int k = 0; k < 4; k++) {
                amp[k] = uniform(rng, 0.0, 0.14);
                phase[k] = uniform(rng, 0, 2 * Math.PI);
            }
            coreFraction = rng.nextDouble() < 0.75 ? uniform(rng, 0.35, 0.6) : 0; // some have no necrosis
            rimLevel = uniform(rng, 0.74, 0.90);
            coreLevel = uniform(rng, 0.15, 0.32);
            oedemaReach = uniform(rng, 1.3, 1.9);
            shape = new ValueNoise(10, rng);
        }

        private double boundary(double du, double dv) {
            double phi = Math.atan2(dv, du);
            double f = 1;
            for (int k = 0; k < 4; k++) {
                f += amp[k] * Math.sin((k + 2) * phi + phase[k]);
            }
            return r0 * (f + 0.2 * shape.at(du / (2 * r0), dv / (2 * r0)));
        }

        @Override
        boolean inside(double u, double v, double r, Anatomy anatomy) {
            double du = u - cu;
            double dv = v - cv;
            double rho = Math.sqrt(du * du + dv * dv);
            return rho < 1.6 * r0 && rho < boundary(du, dv) && r < anatomy.brainRadius(Math.atan2(v, u));
        }

        @Override
        double paint(double u, double v, double tissue, Anatomy anatomy) {
            double du = u - cu;
            double dv = v - cv;
            double rho = Math.sqrt(du * du + dv * dv);
            double target = rho < coreFraction * boundary(du, dv) ? coreLevel : rimLevel;
            target *= 1 + 0.18 * shape.at(3 * du / r0, 3 * dv / r0) + 0.08 * anatomy.fine.at(u * 2, v * 2);
            return tissue + contrast * (target - tissue);
        }

        @Override
        double around(double u, double v, double r, double tissue, Anatomy anatomy) {
            double du = u - cu;
            double dv = v - cv;
            double rho = Math.sqrt(du * du + dv * dv);
            if (rho > 3 * r0 || r > anatomy.brainRadius(Math.atan2(v, u)) || tissue <= anatomy.csf) {
                return tissue;
            }
            // vasogenic oedema is dark on T1 and fades out
            double reach = oedemaReach * boundary(du, dv);
            if (rho < reach) {
                double w = 1 - rho / reach;
                return tissue * (1 - 0.3 * contrast * Math.min(1, 2 * w + 0.3));
            }
            return tissue;
        }
    }

    /** Sellar, midline, small; replaces the normal gland. */
    static final class Pituitary extends Lesion {
        private final double cu;
        private final double cv;
        private final double ru;
        private final double rv;
        private final double lobe;
        private final double lobePhase;
        private final double level;
        private final boolean cystic;

        Pituitary(SplittableRandom rng, double difficulty, double minRadius, double sellaU, double sellaV) {
            super(difficulty);
            // difficulty 0.5 keeps the classic 0.055-0.11 range; easy phantoms get lesions clearly larger than the
            // normal gland (0.028-0.045), which every healthy scan has too, hard ones barely larger
            double radius = Math.max(minRadius, uniform(rng, 0.055, 0.11) * (1.45 - 0.9 * difficulty));
            ru = radius * uniform(rng, 0.95, 1.3);
            rv = radius * uniform(rng, 0.8, 1.1);
            cu = sellaU;
            cv = sellaV - 0.3 * rv; // grows upwards out of the sella
            lobe = uniform(rng, 0, 0.12);
            lobePhase = uniform(rng, 0, 2 * Math.PI);
            level = uniform(rng, 0.72, 0.88);
            // a cyst leaves a thin bright rim that at 64 px resembles the normal gland of a healthy scan: a
            // quarter of the lesions at the classic difficulty 0.5, none on easy phantoms
            cystic = rng.nextDouble() < 0.5 * difficulty;
        }

        @Override
        boolean inside(double u, double v, double r, Anatomy anatomy) {
            double du = (u - cu) / ru;
            double dv = (v - cv) / rv;
            double rho2 = du * du + dv * dv;
            if (rho2 > 1.6) {
                return false;
            }
            double f = 1 + lobe * Math.sin(3 * Math.atan2(dv, du) + lobePhase);
            return rho2 < f * f;
        }

        @Override
        double paint(double u, double v, double tissue, Anatomy anatomy) {
            double du = (u - cu) / ru;
            double dv = (v - cv) / rv;
            double target = level * (1 + 0.06 * anatomy.fine.at(3 * u, 3 * v));
            if (cystic && sq(du + 0.25) + sq(dv - 0.1) < 0.16) {
                target = anatomy.csf * 2;
            }
            return tissue + contrast * (target - tissue);
        }
    }
}
