// Hand-written papers and library items for the ranking tests (texts written for these tests).

import type { Paper } from '../../core/arxiv/paper';
import type { LibraryItem } from '../../core/rank/library';
import { makePaper } from '../support/papers';

export function paper(id: string, title: string, abstract: string, authors: string[] = ['Ada Example']): Paper {
  return makePaper({ id, title, abstract, authors });
}

/** A small library of five kept papers; the first is about diffusion policies for robots. */
export const LIBRARY: LibraryItem[] = [
  {
    id: '2303.04137',
    noteName: 'Diffusion Policy',
    title: 'Diffusion Policy: Visuomotor Policy Learning via Action Diffusion',
    abstract:
      'We represent a robot visuomotor policy as a conditional denoising diffusion process over action sequences. ' +
      'The diffusion policy learns the gradient of the action distribution and iteratively refines noise into actions. ' +
      'On real robot manipulation tasks such as pushing, pouring and flipping, the diffusion policy handles multimodal demonstrations ' +
      'and high-dimensional action spaces, and it improves over prior imitation learning methods by a wide margin.',
  },
  {
    id: '2005.01643',
    noteName: 'Offline RL Tutorial',
    title: 'Offline Reinforcement Learning: Tutorial, Review, and Perspectives',
    abstract:
      'Offline reinforcement learning (offline RL) learns policies from previously collected data without further interaction. ' +
      'We review distributional shift, conservative value estimation and policy constraints, and the open problems of offline RL.',
  },
  {
    id: '1706.03762',
    noteName: 'Attention Is All You Need',
    title: 'Attention Is All You Need',
    abstract:
      'We propose the Transformer, a sequence transduction architecture based solely on attention mechanisms. ' +
      'Self-attention replaces recurrence and convolutions; the model reaches a new state of the art in machine translation.',
  },
  {
    id: '1609.02907',
    noteName: 'Graph Convolutional Networks',
    title: 'Semi-Supervised Classification with Graph Convolutional Networks',
    abstract:
      'We present a scalable approach for semi-supervised learning on graph-structured data based on graph convolutions. ' +
      'The graph convolutional network encodes node features and local graph structure and classifies nodes in citation networks.',
  },
  {
    id: 'protein-2021',
    noteName: 'Protein Structure Prediction',
    title: 'Highly Accurate Protein Structure Prediction',
    abstract:
      'Proteins fold into three-dimensional structures determined by their amino acid sequence. ' +
      'We predict protein structure from sequence alignments with a deep network and reach atomic accuracy on most targets.',
  },
];

export const ROBOT_DIFFUSION_POLICY = paper(
  '2403.03954',
  '3D Diffusion Policy for Dexterous Robot Manipulation',
  'Imitation learning teaches robots manipulation skills from demonstrations. We condition a diffusion policy on compact 3D point cloud ' +
    'representations and generate robot actions by iterative denoising. The 3D diffusion policy learns dexterous manipulation from few demonstrations ' +
    'and transfers to a real robot arm.',
);

export const IMAGE_DIFFUSION = paper(
  '2112.10752',
  'High-Resolution Image Synthesis with Latent Diffusion Models',
  'Diffusion models synthesise images by iterative denoising of noise. We train the diffusion model in the latent space of a pretrained autoencoder, ' +
    'which reduces compute and keeps image quality. Latent diffusion reaches strong results on image inpainting, super-resolution and text-to-image generation.',
);

export const UNRELATED = paper(
  '2401.00001',
  'Tidal Heating of Icy Moons',
  'We model tidal dissipation in the ice shells of Europa and Enceladus and estimate the heat flux at their surfaces.',
);
